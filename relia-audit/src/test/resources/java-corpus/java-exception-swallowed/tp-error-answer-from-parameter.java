// An error answer is no fallback even when it echoes the caller's input: the cause of the failure is lost.
class FolderResource {
    private final Store store;

    FolderResource(Store store) {
        this.store = store;
    }

    Response create(String folder) {
        try {
            store.create(folder);
            return Response.ok(folder).build();
        } catch (Throwable t) { return Response.serverError().entity(folder).build(); } // expect: java/exception-swallowed
    }

    interface Store {
        void create(String folder);
    }

    interface Response {
        static Builder ok(Object entity) {
            return null;
        }

        static Builder serverError() {
            return null;
        }

        interface Builder {
            Builder entity(Object entity);

            Response build();
        }
    }
}

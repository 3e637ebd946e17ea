// When the store cannot suggest a save location, the answer is the folder the caller asked about: a default the
// caller chose, so the failure costs nothing the caller would not expect.
class LocationResource {
    private final Store store;

    LocationResource(Store store) {
        this.store = store;
    }

    Response defaultLocation(String folder) {
        try {
            return Response.ok(store.suggestLocation(folder)).build();
        } catch (Exception e) {
            return Response.ok(folder).build();
        }
    }

    interface Store {
        String suggestLocation(String folder);
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

import org.springframework.web.bind.annotation.PostMapping;

class ExportController {
    @PostMapping("/exports")
    String export() {
        Thread worker = new Thread(this::build); // expect: java/unbounded-executor
        worker.start();
        return "accepted";
    }

    private void build() {
    }
}

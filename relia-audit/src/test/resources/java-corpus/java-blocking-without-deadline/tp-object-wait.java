class Mailbox {
    private String message;

    synchronized String receive() throws InterruptedException {
        while (message == null) {
            wait(); // expect: java/blocking-without-deadline
        }
        return message;
    }
}

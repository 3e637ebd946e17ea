class Declares {
    void pause() throws InterruptedException {
        Thread.sleep(100);
    }
}

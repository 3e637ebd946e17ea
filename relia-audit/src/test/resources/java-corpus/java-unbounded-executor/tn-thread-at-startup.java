class Main {
    public static void main(String[] args) {
        Thread reaper = new Thread(() -> { });
        reaper.setDaemon(true);
        reaper.start();
    }
}

import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

class BatchSplitter {
    // only this class's own loop adds, a bounded number of times per call
    private final LinkedBlockingQueue<int[]> slices = new LinkedBlockingQueue<>();
    // a list, not a buffer between threads
    private final List<String> names = new LinkedList<>();

    void split(int[] data, int width) {
        for (int start = 0; start < data.length; start += width) {
            enqueue(java.util.Arrays.copyOfRange(data, start, Math.min(data.length, start + width)));
        }
    }

    private void enqueue(int[] slice) {
        slices.add(slice);
    }

    public void name(String name) {
        names.add(name);
    }

    int[] nextSlice() {
        return slices.poll();
    }
}

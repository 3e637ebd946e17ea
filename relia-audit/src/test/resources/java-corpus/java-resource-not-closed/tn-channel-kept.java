import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;

class Channel {
    private FileChannel channel;

    void open(String path) throws IOException {
        RandomAccessFile file = new RandomAccessFile(path, "r");
        channel = file.getChannel();
    }
}

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

class Writer {
    long write(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        long written = 0;
        while (buffer.hasRemaining()) {
            try {
                int count = channel.write(buffer);
                if (count == 0) {
                    break;
                }
                written += count;
            } catch (IOException e) {
                if (written == 0) {
                    throw e;
                } else {
                    break;
                }
            }
        }
        return written;
    }
}

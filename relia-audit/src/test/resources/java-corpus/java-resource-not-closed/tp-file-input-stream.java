import java.io.FileInputStream;
import java.io.IOException;

class Loader {
    int firstByte(String path) throws IOException {
        FileInputStream in = new FileInputStream(path); // expect: java/resource-not-closed
        return in.read();
    }
}

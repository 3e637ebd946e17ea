import java.io.FileOutputStream;
import java.io.IOException;

class Opener {
    FileOutputStream open(String path) throws IOException {
        FileOutputStream out = new FileOutputStream(path, true);
        out.write('\n');
        return out;
    }
}

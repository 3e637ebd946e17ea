import java.io.FileInputStream;
import java.security.GeneralSecurityException;
import java.io.IOException;
import java.security.KeyStore;

class TrustMaterial {
    private final String storePath;
    private final char[] storePassword;

    TrustMaterial(String storePath, char[] storePassword) {
        this.storePath = storePath;
        this.storePassword = storePassword;
    }

    // KeyStore.load reads the stream and leaves it open: handing it over does not release it
    KeyStore trustStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        FileInputStream input = new FileInputStream(storePath); // expect: java/resource-not-closed
        store.load(input, storePassword);
        return store;
    }

    KeyStore keyStore(String path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(new FileInputStream(path), storePassword); // expect: java/resource-not-closed
        return store;
    }
}

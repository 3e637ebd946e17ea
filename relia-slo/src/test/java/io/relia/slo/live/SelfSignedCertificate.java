package io.relia.slo.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1, made with the running JDK's {@code keytool}: the server's key store and
 * the certificate as PEM, which a client trusts as its CA.
 *
 * @param keyStore PKCS#12 key store holding the key and certificate
 * @param pem      the certificate, PEM encoded
 */
record SelfSignedCertificate(Path keyStore, Path pem) {

    private static final String PASSWORD = "relia-test";

    /** Generates a fresh key pair and certificate in {@code directory}. */
    static SelfSignedCertificate create(Path directory) throws IOException, InterruptedException {
        Path keyStore = directory.resolve("server.p12");
        Path pem = directory.resolve("ca.pem");
        keytool(directory, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool(directory, "-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-file", pem.toString());
        return new SelfSignedCertificate(keyStore, pem);
    }

    /** TLS for a server presenting this certificate. */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        ExternalCommand.run(command, directory, Duration.ofSeconds(60));
    }
}

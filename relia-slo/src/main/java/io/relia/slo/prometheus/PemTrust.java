package io.relia.slo.prometheus;

import io.relia.core.files.InputFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts exactly the CA certificates of one PEM file (like {@code curl --cacert}), for Prometheus servers
 * behind a private CA. Other PEM blocks in the file (keys, parameters) are ignored.
 */
final class PemTrust {

    private static final Pattern CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private PemTrust() {
    }

    /** An SSL context trusting the certificates of {@code pemFile}; fails naming the file when it has none. */
    static SSLContext sslContext(Path pemFile) {
        List<Certificate> certificates = certificates(pemFile);
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                trusted.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot trust the CA certificate(s) of " + pemFile + ": " + e, e);
        }
    }

    static List<Certificate> certificates(Path pemFile) {
        String text;
        try {
            text = InputFiles.readString(pemFile, StandardCharsets.ISO_8859_1, InputFiles.MAX_BYTES);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read CA certificate file " + pemFile + ": " + e, e);
        }
        List<Certificate> certificates = new ArrayList<>();
        Matcher block = CERTIFICATE.matcher(text);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (block.find()) {
                byte[] der = Base64.getMimeDecoder().decode(block.group(1));
                certificates.add(factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("CA certificate file " + pemFile + " holds a damaged certificate: "
                    + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("CA certificate file " + pemFile + " holds no PEM certificate "
                    + "(expected a block starting -----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }
}

package shop;

final class Bootstrap {
    static void configure() {
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true"); // expect: java/tls-verification-disabled
    }
}

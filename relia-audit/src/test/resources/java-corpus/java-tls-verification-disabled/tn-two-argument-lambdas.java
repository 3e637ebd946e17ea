package shop;

import java.util.Map;
import java.util.function.BiPredicate;

final class Filters {
    static final BiPredicate<String, String> ANY_PAIR = (key, value) -> true;

    static long count(Map<String, String> labels) {
        return labels.entrySet().stream().filter(entry -> ANY_PAIR.test(entry.getKey(), entry.getValue())).count();
    }

    static void keepHostChecks() {
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "false");
    }
}

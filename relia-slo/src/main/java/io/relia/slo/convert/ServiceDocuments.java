package io.relia.slo.convert;

import io.relia.slo.Slo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One document per service ({@code service} and a {@code slos} list), as the native and Sloth formats group SLOs. */
final class ServiceDocuments {

    private ServiceDocuments() {
    }

    static List<Map<String, Object>> of(List<Slo> slos, Map<String, Object> head,
                                        Function<Slo, Map<String, Object>> entry) {
        Map<String, List<Object>> byService = new LinkedHashMap<>();
        for (Slo slo : slos) {
            byService.computeIfAbsent(slo.service(), key -> new ArrayList<>()).add(entry.apply(slo));
        }
        List<Map<String, Object>> documents = new ArrayList<>();
        byService.forEach((service, list) -> {
            Map<String, Object> document = new LinkedHashMap<>(head);
            document.put("service", service);
            document.put("slos", list);
            documents.add(document);
        });
        return documents;
    }
}

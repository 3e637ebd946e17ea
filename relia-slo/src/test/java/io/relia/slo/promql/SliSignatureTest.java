package io.relia.slo.promql;

import io.relia.slo.Sli;
import io.relia.slo.query.QueryException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The normal form of an SLI: equal for one measurement however it is written, different otherwise. */
class SliSignatureTest {

    private static final String TOTAL = "sum(rate(http_requests_total{service=\"checkout\",route=\"/checkout\"}"
            + "[{{.window}}]))";
    private static final Sli SLOTH = new Sli.Events("sum(rate(http_requests_total{service=\"checkout\","
            + "route=\"/checkout\",status=~\"5..\"}[{{.window}}]))", TOTAL);

    @Test
    void nativeGoodOverTotalSlothErrorsAndTotalAndOpenSloRatioOfOneCounterAreTheSameSli() {
        Sli nativeRatio = new Sli.Raw("1 - (sum(rate(http_requests_total{route=\"/checkout\",service=\"checkout\","
                + "status!~\"5..\"}[{{.window}}])) / sum(rate(http_requests_total{service=\"checkout\","
                + "route=\"/checkout\"}[{{.window}}])))");
        Sli openSlo = new Sli.Events("(" + TOTAL + ") - (sum(increase(http_requests_total{service='checkout', "
                + "route=\"/checkout\", status!~\"5..\"}[{{.window}}])))", TOTAL);

        assertThat(SliSignature.of(nativeRatio)).isEqualTo(SliSignature.of(SLOTH)).isEqualTo(SliSignature.of(openSlo))
                .isEqualTo("total=http_requests_total{route=\"/checkout\",service=\"checkout\"} "
                        + "bad=http_requests_total{route=\"/checkout\",service=\"checkout\",status=~\"5..\"}");
    }

    @Test
    void anotherRouteOrAnotherSplitIsAnotherSli() {
        Sli otherRoute = new Sli.Events("sum(rate(http_requests_total{service=\"checkout\",route=\"/cart\","
                + "status=~\"5..\"}[{{.window}}]))", "sum(rate(http_requests_total{service=\"checkout\","
                + "route=\"/cart\"}[{{.window}}]))");
        Sli only500 = new Sli.Events("sum(rate(http_requests_total{service=\"checkout\",route=\"/checkout\","
                + "status=\"500\"}[{{.window}}]))", TOTAL);

        assertThat(SliSignature.of(otherRoute)).isNotEqualTo(SliSignature.of(SLOTH));
        assertThat(SliSignature.of(only500)).isNotEqualTo(SliSignature.of(SLOTH));
    }

    @Test
    void aGoodSeriesOfAnotherMetricStaysGoodOverTotal() {
        Sli latency = new Sli.Events("(sum(rate(d_count[{{.window}}]))) - (sum(rate(d_bucket{le=\"0.5\"}"
                + "[{{.window}}])))", "sum(rate(d_count[{{.window}}]))");

        assertThat(SliSignature.of(latency)).isEqualTo("total=d_count good=d_bucket{le=\"0.5\"}");
    }

    @Test
    void queriesOfAnyOtherShapeCompareByTheirTextWithoutWhitespace() {
        Sli spaced = new Sli.Raw("max( my_ratio{a=\"b\"} )");
        Sli tight = new Sli.Raw("max(my_ratio{a=\"b\"})");

        assertThat(SliSignature.of(spaced)).isEqualTo(SliSignature.of(tight)).isEqualTo("ratio max(my_ratio{a=\"b\"})");
    }

    @Test
    void selectorsListsEverySeriesAQueryReadsInOneCanonicalForm() throws QueryException {
        assertThat(Selectors.in("sum(rate(a{z=\"1\", b=~\"x.*\"}[5m] offset 1h)) / sum(rate(a{b=~'x.*',z='1'}[5m]))"
                + " + max_over_time(c[1h:5m]) + {__name__=~\"d.*\"}"))
                .containsExactly("a{b=~\"x.*\",z=\"1\"}", "c", "{__name__=~\"d.*\"}");
    }
}

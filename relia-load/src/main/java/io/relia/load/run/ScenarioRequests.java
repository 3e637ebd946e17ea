package io.relia.load.run;

import io.relia.load.scenario.RequestEncoder;
import io.relia.load.scenario.RequestMix;
import io.relia.load.scenario.Scenario;

/** A worker's share of a scenario's requests: the weighted mix and the encoded bytes. */
final class ScenarioRequests implements Requests {
    private final RequestEncoder encoder;
    private final RequestMix mix;
    private final boolean[] head;
    private final int worker;
    private final int workers;
    private long count;

    private ScenarioRequests(Scenario scenario, RequestEncoder encoder, int worker, int workers) {
        this.encoder = encoder;
        this.mix = RequestMix.of(scenario);
        this.worker = worker;
        this.workers = workers;
        head = new boolean[scenario.requests().size()];
        for (int i = 0; i < head.length; i++) {
            head[i] = scenario.requests().get(i).method().equals("HEAD");
        }
    }

    static Requests of(Scenario scenario, RequestEncoder encoder, int worker, int workers) {
        return new ScenarioRequests(scenario, encoder, worker, workers);
    }

    @Override
    public long nextSequence() {
        return count++ * workers + worker;
    }

    @Override
    public int template(long sequence) {
        return mix.at(sequence);
    }

    @Override
    public byte[] encode(int template, long sequence) {
        return encoder.encode(template, sequence);
    }

    @Override
    public boolean isFixed(int template) {
        return encoder.isFixed(template);
    }

    @Override
    public boolean isHead(int template) {
        return head[template];
    }
}

package corpus.blocking.libraries;

import io.netty.channel.ChannelFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import reactor.core.publisher.Mono;

import java.util.concurrent.ExecutionException;

class Publisher {
    private final KafkaProducer<String, String> producer;

    Publisher(KafkaProducer<String, String> producer) {
        this.producer = producer;
    }

    void publish(String event) throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>("events", event)).get(); // expect: java/blocking-without-deadline
    }

    String profile(Mono<String> profile) {
        return profile.block(); // expect: java/blocking-without-deadline
    }

    void flush(ChannelFuture written) {
        written.syncUninterruptibly(); // expect: java/blocking-without-deadline
    }
}

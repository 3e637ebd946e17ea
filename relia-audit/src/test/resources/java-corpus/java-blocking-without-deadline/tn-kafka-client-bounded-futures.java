package corpus.blocking.kafkabounded;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ElectLeadersResult;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Kafka's clients bound these futures themselves: the admin client fails each call after default.api.timeout.ms,
 * the producer reports each send within delivery.timeout.ms. The ExecutionException around them is no sign of an
 * unbounded future.
 */
final class PartitionAdmin {
    private final AdminClient admin;
    private final KafkaProducer<String, String> producer;

    PartitionAdmin(AdminClient admin, KafkaProducer<String, String> producer) {
        this.admin = admin;
        this.producer = producer;
    }

    Set<String> topics() throws InterruptedException, ExecutionException {
        return admin.listTopics().names().get();
    }

    int elected(ElectLeadersResult result) {
        try {
            Map<TopicPartition, Optional<Throwable>> outcome = result.partitions().get();
            int failed = 0;
            for (Map.Entry<TopicPartition, Optional<Throwable>> entry : outcome.entrySet()) {
                // An Optional, read after the future completed: no wait at all.
                if (entry.getValue().isPresent() && entry.getValue().get() instanceof IllegalStateException) {
                    failed++;
                }
            }
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException e) {
            return -1;
        }
    }

    int configs(Map<ConfigResource, KafkaFuture<Config>> pending) {
        int read = 0;
        for (Map.Entry<ConfigResource, KafkaFuture<Config>> entry : pending.entrySet()) {
            try {
                read += entry.getValue().get().entries().size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return read;
            } catch (ExecutionException e) {
                read--;
            }
        }
        return read;
    }

    long publish(String topic, String value) throws InterruptedException, ExecutionException {
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, value));
        return sent.get().offset() + producer.send(new ProducerRecord<>(topic, value)).get().offset();
    }
}

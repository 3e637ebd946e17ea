package shop;

/** Main code makes no outbound call. */
final class Prices {
    long total(long... cents) {
        long sum = 0;
        for (long c : cents) {
            sum += c;
        }
        return sum;
    }
}

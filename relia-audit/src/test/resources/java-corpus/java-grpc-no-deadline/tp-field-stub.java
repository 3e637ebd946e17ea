package com.example.inventory;

import com.example.stock.ReserveReply;
import com.example.stock.ReserveRequest;
import com.example.stock.StockGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

public class StockClient implements AutoCloseable {
    private final ManagedChannel channel;
    private final StockGrpc.StockBlockingStub stub;

    public StockClient(String target) {
        this.channel = ManagedChannelBuilder.forTarget(target).usePlaintext().build();
        this.stub = StockGrpc.newBlockingStub(channel); // expect: java/grpc-no-deadline
    }

    public boolean reserve(String sku, int quantity) {
        ReserveReply reply = stub.reserve(ReserveRequest.newBuilder().setSku(sku).setQuantity(quantity).build());
        return reply.getOk();
    }

    public int available(String sku) {
        return this.stub.available(ReserveRequest.newBuilder().setSku(sku).build()).getQuantity();
    }

    @Override
    public void close() {
        channel.shutdown();
    }
}

package com.example.orders;

import com.example.users.GetUserRequest;
import com.example.users.UserReply;
import com.example.users.UserServiceGrpc;
import io.grpc.ManagedChannel;

class UserLookup {
    private final ManagedChannel channel;

    UserLookup(ManagedChannel channel) {
        this.channel = channel;
    }

    String displayName(String id) {
        UserServiceGrpc.UserServiceBlockingStub stub = UserServiceGrpc.newBlockingStub(channel); // expect: java/grpc-no-deadline
        UserReply reply = stub.getUser(GetUserRequest.newBuilder().setId(id).build());
        return reply.getDisplayName();
    }
}

package com.example.orders;

import com.example.users.GetUserRequest;
import com.example.users.UserReply;
import com.example.users.UserServiceGrpc;
import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

class UserDirectory {
    private static final long DEADLINE_MS = 800;
    private final UserServiceGrpc.UserServiceBlockingStub users;

    UserDirectory(ManagedChannel channel) {
        this.users = UserServiceGrpc.newBlockingStub(channel);
    }

    UserReply find(String id) {
        return users.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS)
                .getUser(GetUserRequest.newBuilder().setId(id).build());
    }

    boolean exists(String id) {
        return users.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS)
                .exists(GetUserRequest.newBuilder().setId(id).build()).getValue();
    }
}

package shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.metrics.annotation.Timed;

@Path("/orders")
public class OrdersResource { // expect: java/no-health-endpoint

    @GET
    @Timed(name = "orders")
    public String list() {
        return "[]";
    }
}

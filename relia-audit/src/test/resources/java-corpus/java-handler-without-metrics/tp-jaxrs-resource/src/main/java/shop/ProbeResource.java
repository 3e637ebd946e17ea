package shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/ready")
public class ProbeResource {

    @GET
    public String ready() {
        return "ok";
    }
}

package io.relia.server;

import io.javalin.http.Context;

/** Identifiers in request paths. */
public final class Ids {

    private Ids() {
    }

    /** The {@code {id}} path parameter as an incident id: {@code 42} or {@code INC-42}; 400 otherwise. */
    public static long incident(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            long id = Long.parseLong(text.regionMatches(true, 0, "INC-", 0, 4) ? text.substring(4) : text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ApiError(400, "\"" + text + "\" is not an incident id; expected a number such as 42");
    }
}

import java.util.ArrayList;
import java.util.List;

// The server's copy of the list is the preparation; the change the user asked for is applied either way. The
// handler repeats the try's last statement word for word, which says the failure only skips the refresh.
class Favourites {
    private List<String> items = new ArrayList<>();

    void onServerAnswer(String body, String item) {
        try {
            List<String> fresh = parse(body);
            items = fresh;
            items.add(item);
        } catch (Exception e) {
            items.add(item);
        }
    }

    private static List<String> parse(String body) {
        return new ArrayList<>(List.of(body.split(",")));
    }
}

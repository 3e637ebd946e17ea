import java.util.*;

class Widget {
    private static final Set<Widget> CREATED = new HashSet<>(); // expect: java/static-collection-grows

    private final String name;

    Widget(String name) {
        this.name = name;
        CREATED.add(this);
    }

    static int created() {
        return CREATED.size();
    }
}

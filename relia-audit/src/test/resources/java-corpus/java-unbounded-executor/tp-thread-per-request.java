import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ReportServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        new Thread(() -> render(request)).start(); // expect: java/unbounded-executor
        response.setStatus(202);
    }

    private void render(HttpServletRequest request) {
    }
}

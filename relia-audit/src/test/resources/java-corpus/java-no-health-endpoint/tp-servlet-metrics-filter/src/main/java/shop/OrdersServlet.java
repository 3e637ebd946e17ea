package shop;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@WebServlet("/orders")
final class OrdersServlet extends HttpServlet { // expect: java/no-health-endpoint
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(200);
    }
}

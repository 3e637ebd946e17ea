package shop;

import io.micrometer.core.annotation.Timed;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

@WebServlet({"/orders", "/health"})
final class OrdersServlet extends HttpServlet {
    @Timed
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            response.getWriter().write("[]");
        } catch (IOException e) {
            System.err.println("cannot answer: " + e.getMessage()); // expect: java/unstructured-logging
            throw e;
        }
    }
}

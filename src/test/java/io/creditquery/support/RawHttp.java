package io.creditquery.support;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to the test server on loopback, byte for byte as written: no client library
 * normalises the path ({@code /./}, {@code //}, escapes) or fixes the headers on the way.
 */
public final class RawHttp {

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends {@code method target} with the given header lines (each "Name: value") and body; reads the answer. */
    public static Answer send(String method, String target, Map<String, String> headers, String body) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(RestAssured.port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null || !method.equals("GET")) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        return exchange(request.toString().getBytes(StandardCharsets.UTF_8), content);
    }

    /** Writes {@code head} and {@code body} as they are and reads the whole answer (the server closes after it). */
    public static Answer exchange(byte[] head, byte[] body) {
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Reads one answer: to the end of its declared length or last chunk, else until the server closes. */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int end = -1;
        Map<String, String> headers = new LinkedHashMap<>();
        String statusLine = null;
        int n;
        while ((n = in.read(buffer)) > 0) {
            received.write(buffer, 0, n);
            byte[] all = received.toByteArray();
            if (end < 0 && (end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0)) >= 0) {
                String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
                statusLine = lines[0];
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                    }
                }
            }
            if (end >= 0 && complete(all, end + 4, headers)) {
                break;
            }
        }
        if (statusLine == null) {
            throw new IOException("no answer");
        }
        byte[] all = received.toByteArray();
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static boolean complete(byte[] all, int bodyStart, Map<String, String> headers) {
        if (headers.containsKey("content-length")) {
            return all.length - bodyStart >= Integer.parseInt(headers.get("content-length"));
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            byte[] last = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            return all.length - bodyStart >= last.length && indexOf(all, last, all.length - last.length) >= 0;
        }
        return false;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package io.creditquery.frontdoor;

import io.creditquery.common.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.util.Map;

/**
 * Sizes checked before anything is read: the request target, the headers, and the body — JSON and NDJSON bodies
 * up to {@code credit.limits.max-body}, file uploads (streamed to disk) up to {@code max-upload}. Bodies read into
 * memory must declare their length (411 otherwise), so a chunked body cannot grow past the limit unseen.
 */
final class RequestSizes {

    static final String UPLOAD_PATH = "/api/v1/ingest/files";

    private RequestSizes() {
    }

    /** The refusal of a request too large in any part, or null. */
    static Problem refusal(HttpServerRequest request, RequestLimitsConfig limits) {
        if (request.uri().length() > limits.maxUri()) {
            return Problem.ofField(414, "uri-too-long", "uri", "is " + request.uri().length()
                    + " characters; at most " + limits.maxUri() + " are accepted");
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaders()) {
            return Problem.ofField(431, "headers-too-large", "headers", "are " + headerBytes
                    + " bytes; at most " + limits.maxHeaders() + " are accepted");
        }
        return bodyRefusal(request, limits);
    }

    private static Problem bodyRefusal(HttpServerRequest request, RequestLimitsConfig limits) {
        boolean upload = request.path().equals(UPLOAD_PATH);
        long limit = (upload ? limits.maxUpload() : limits.maxBody()).asLongValue();
        // Any Transfer-Encoding (chunked, "gzip, chunked", the header twice…) is a body of unknown length.
        if (request.headers().contains("Transfer-Encoding") && !upload && request.method() != HttpMethod.GET) {
            return Problem.ofField(411, "length-required", "body", "must declare its size in Content-Length");
        }
        String declared = request.getHeader("Content-Length");
        if (declared == null) {
            return null;
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = Long.MAX_VALUE;
        }
        return length <= limit ? null : Problem.ofField(413, "body-too-large", "body", "is " + length
                + " bytes; at most " + limit + " bytes are accepted here"
                + (upload ? "" : " (ingest: split into requests of ≤ 10,000 lines)"));
    }
}

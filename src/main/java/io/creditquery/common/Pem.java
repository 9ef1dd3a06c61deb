package io.creditquery.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM files (RFC 7468): the DER blocks of one type, in their order. */
public final class Pem {

    private Pem() {
    }

    /** The DER of every {@code type} block in the file (e.g. "PRIVATE KEY", "PUBLIC KEY", "CERTIFICATE"). */
    public static List<byte[]> read(Path file, String type) throws IOException {
        String text = Files.readString(file);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        List<byte[]> blocks = new ArrayList<>();
        for (int at = text.indexOf(begin); at >= 0; at = text.indexOf(begin, at + 1)) {
            int stop = text.indexOf(end, at);
            if (stop < 0) {
                break;
            }
            blocks.add(Base64.getMimeDecoder().decode(text.substring(at + begin.length(), stop)));
        }
        if (blocks.isEmpty()) {
            throw new IOException(file + " holds no " + type + " block");
        }
        return blocks;
    }
}

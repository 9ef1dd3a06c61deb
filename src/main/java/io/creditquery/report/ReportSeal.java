package io.creditquery.report;

import io.creditquery.common.Pem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * The platform's seal on a credit report: a PDF digital signature (adbe.pkcs7.detached, SHA-256, the signing
 * certificate chain embedded) that ordinary readers check — Acrobat, Foxit, poppler's pdfsig — so that a printed-then-
 * e-mailed report can be checked without the platform, beside the report number and digest checked online. An RSA
 * or EC key with an X.509 certificate, not the Ed25519 receipt key: readers verify RSA and ECDSA signatures, few
 * verify EdDSA yet. Built with BouncyCastle's CMS (PDFBox's own signing examples use it; the JDK has no CMS API).
 */
final class ReportSeal {

    private static final int SIGNATURE_SPACE = 32_768;

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String algorithm;

    private ReportSeal(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = chain;
        this.algorithm = "SHA256with" + ("EC".equals(key.getAlgorithm()) ? "ECDSA" : key.getAlgorithm());
    }

    /** The seal from a PKCS#8 PEM key and a PEM certificate chain (the signer's certificate first). */
    static ReportSeal load(Path keyFile, Path certificateFile) {
        try {
            byte[] der = Pem.read(keyFile, "PRIVATE KEY").get(0);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (byte[] certificate : Pem.read(certificateFile, "CERTIFICATE")) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificate)));
            }
            if (chain.isEmpty()) {
                throw new IllegalStateException(certificateFile + " holds no certificate");
            }
            PrivateKey key = null;
            for (String algorithm : List.of("RSA", "EC")) {
                try {
                    key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    break;
                } catch (GeneralSecurityException e) {
                    // try the next algorithm
                }
            }
            if (key == null) {
                throw new IllegalStateException(keyFile + " is no RSA or EC private key in PKCS#8 PEM");
            }
            ReportSeal seal = new ReportSeal(key, List.copyOf(chain));
            seal.requireMatchingPair();
            return seal;
        } catch (IOException e) {
            throw new UncheckedIOException("the report signing key or certificate cannot be read", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the report signing certificate is invalid", e);
        }
    }

    /** A key that is not the certificate's would make signatures every reader refuses: refuse to start instead. */
    private void requireMatchingPair() throws GeneralSecurityException {
        byte[] probe = "credit-query report seal probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.security.Signature signer = java.security.Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
        verifier.initVerify(certificate().getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("the report signing key does not belong to the report signing certificate");
        }
        certificate().checkValidity();
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    /** {@code pdf} with the seal added as an incremental update (the signed bytes are the whole first revision). */
    byte[] seal(byte[] pdf, String reportNumber, OffsetDateTime signedAt, String issuer) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName(issuer);
            signature.setReason("公共信用信息报告 " + reportNumber + " 签章");
            Calendar at = GregorianCalendar.from(signedAt.toZonedDateTime());
            at.setTimeZone(TimeZone.getTimeZone(signedAt.getOffset()));
            signature.setSignDate(at);
            // Room for a CMS signature with a certificate chain of a few certificates (PDFBox reserves about 9 KB).
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SIGNATURE_SPACE);
                document.addSignature(signature, content -> cms(content.readAllBytes()), options);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SPACE);
                document.saveIncremental(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sealing report " + reportNumber + " failed", e);
        }
    }

    private byte[] cms(byte[] content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(key), certificate()));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
        } catch (OperatorCreationException | CMSException | GeneralSecurityException e) {
            throw new IOException("the CMS signature could not be made", e);
        }
    }
}

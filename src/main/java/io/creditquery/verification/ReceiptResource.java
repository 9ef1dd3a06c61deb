package io.creditquery.verification;

import io.creditquery.audit.AuditContext;
import io.creditquery.common.FieldChecks;
import io.creditquery.receipt.ReceiptSigner;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


/** Anyone can check a receipt or a no-hit certificate, online here or offline with the published key. */
@Path("/api/v1/receipts")
public class ReceiptResource {

    /** What to check: the receipt's payload and signature as issued. */
    public record ReceiptToCheck(String payload, String signature) {
    }

    /** The platform's receipt key. */
    public record KeyView(String alg, String keyId, String publicKeyPem) {
    }

    private final ReceiptSigner signer;
    private final AuditContext audit;

    public ReceiptResource(ReceiptSigner signer, AuditContext audit) {
        this.signer = signer;
        this.audit = audit;
    }

    /** {@code valid} with the signed claims, or {@code valid=false} with the reason (a tampered byte fails). */
    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ReceiptSigner.Check> verify(ReceiptToCheck receipt) {
        FieldChecks checks = new FieldChecks();
        checks.require(receipt != null && receipt.payload() != null && !receipt.payload().isBlank()
                && receipt.payload().length() <= 1_000_000, "payload", "is required: the receipt's payload (base64url)");
        checks.require(receipt != null && receipt.signature() != null && !receipt.signature().isBlank()
                && receipt.signature().length() <= 200, "signature", "is required: the receipt's signature (base64url)");
        checks.done();
        ReceiptSigner.Check check = signer.verify(receipt.payload(), receipt.signature());
        audit.query("valid", check.valid());
        return Uni.createFrom().item(check);
    }

    /** The Ed25519 public key (X.509 PEM) and its id, for verifying receipts offline (bin/verify-receipt). */
    @GET
    @Path("/key")
    @Produces(MediaType.APPLICATION_JSON)
    public KeyView key() {
        return new KeyView(ReceiptSigner.ALG, signer.keyId(), signer.publicKeyPem());
    }
}

package org.envhub.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.envhub.platform.air.AirTime;
import org.envhub.platform.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens (个人访问令牌) for scripts: {@code Authorization: Bearer envhub_…}. A token is 32 random
 * bytes; only its SHA-256 is stored (a slow hash like bcrypt adds nothing to a secret that long, and would
 * make every API call slow), so it is shown once, when created.
 */
@Service
public class ApiTokenService {

    public static final String PREFIX = "envhub_";

    /** A token as listed to its owner: never the secret. */
    public record TokenInfo(long id, String name, String tokenPrefix, LocalDateTime createdAt, LocalDateTime lastUsedAt,
                            LocalDateTime revokedAt) {}

    /** A new token: the secret is in {@code token}, to be shown once. */
    public record NewToken(long id, String name, String token) {}

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final UserRepository users;
    private final AuditLog audit;

    public ApiTokenService(JdbcClient jdbc, UserRepository users, AuditLog audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    @Transactional
    public NewToken create(EnvhubUser owner, String name) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("a token needs a name of 1 to 64 characters");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                        insert into api_token (user_id, name, token_hash, token_prefix, created_at)
                        values (?, ?, ?, ?, ?)""")
                .params(owner.id(), name.trim(), hash(token), token.substring(0, 12), AirTime.nowUtc())
                .update();
        long id = jdbc.sql("select id from api_token where token_hash = ?").param(hash(token)).query(Long.class).single();
        audit.recordAs(owner.getUsername(), "token.create", "api_token " + id, name.trim());
        return new NewToken(id, name.trim(), token);
    }

    public List<TokenInfo> list(long userId) {
        return jdbc.sql("""
                        select id, name, token_prefix, created_at, last_used_at, revoked_at from api_token
                        where user_id = ? order by id desc""")
                .param(userId).query(TokenInfo.class).list();
    }

    @Transactional
    public boolean revoke(EnvhubUser owner, long tokenId) {
        int n = jdbc.sql("update api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
                .params(AirTime.nowUtc(), tokenId, owner.id()).update();
        if (n > 0) {
            audit.recordAs(owner.getUsername(), "token.revoke", "api_token " + tokenId, null);
        }
        return n > 0;
    }

    /** The user a live token belongs to, if the token is known, not revoked and its user enabled. */
    public Optional<UserAccount> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String h = hash(token);
        Optional<Long> userId = jdbc.sql("select user_id from api_token where token_hash = ? and revoked_at is null")
                .param(h).query(Long.class).optional();
        userId.ifPresent(id -> touch(h));
        return userId.flatMap(users::find).filter(UserAccount::enabled);
    }

    /** When each token's last use was last written: at most once a minute, so a busy script does not write on every call. */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> touched = new java.util.concurrent.ConcurrentHashMap<>();

    private void touch(String hash) {
        long now = System.currentTimeMillis();
        Long before = touched.get(hash);
        if (before == null || now - before > 60_000) {
            touched.put(hash, now);
            jdbc.sql("update api_token set last_used_at = ? where token_hash = ?").params(AirTime.nowUtc(), hash).update();
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.tokendesk.user;

import dev.tokendesk.ConflictException;
import dev.tokendesk.NotFoundException;
import dev.tokendesk.ValidationException;
import dev.tokendesk.ValidationException.FieldError;
import dev.tokendesk.audit.AuditAction;
import dev.tokendesk.audit.AuditLog;
import dev.tokendesk.db.Database;
import dev.tokendesk.db.DocumentIds;
import dev.tokendesk.db.LikePatterns;
import dev.tokendesk.db.Page;
import dev.tokendesk.event.ChangeEvent;
import dev.tokendesk.event.ChangeEvents;
import dev.tokendesk.role.Role;
import dev.tokendesk.role.RoleService;
import dev.tokendesk.role.RoleType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Creates, finds and changes users, and checks passwords at login.
 *
 * <p>Thread-safe. Each method runs in its own transaction and publishes a
 * {@link ChangeEvent.Kind#USER} event after it commits, so cached credentials of that user are
 * dropped before the next request.
 */
public final class UserService {

    public static final int MIN_PASSWORD_LENGTH = 8;
    public static final int MAX_PASSWORD_LENGTH = 256;

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

    private final Database database;
    private final ChangeEvents events;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(Database database, ChangeEvents events, AuditLog audit, PasswordHasher hasher, Clock clock) {
        this.database = database;
        this.events = events;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates a user with a hashed password.
     *
     * @throws ValidationException listing every invalid field
     * @throws ConflictException when the user name or email is taken
     * @throws NotFoundException when the role does not exist
     */
    public UserView create(NewUser request) {
        List<FieldError> errors = new ArrayList<>();
        String username = validUsername(request.username(), errors);
        String email = validEmail(request.email(), errors);
        validPassword(request.password(), "password", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() == 1 ? errors.get(0).message() : errors.size() + " errors in the user", errors);
        }

        String passwordHash = hasher.hash(request.password());
        UserView created = database.inTransaction(session -> {
            requireFree(session, "username", username, Identifiers.key(username), null);
            requireFree(session, "email", email, Identifiers.key(email), null);
            Role role = request.roleName() == null || request.roleName().isBlank()
                    ? defaultRole(session)
                    : RoleService.findEntityByName(session, request.roleName());
            if (role.getType() == RoleType.PUBLIC) {
                throw ValidationException.of("role", "Users cannot have the Public role: it is for callers without a credential");
            }
            User user = new User(DocumentIds.next(), username, email, passwordHash, role, clock.instant());
            session.persist(user);
            UserView view = user.toView();
            audit.record(session, AuditAction.USER_CREATED, view.id(), view.username(), "role " + view.roleName());
            return view;
        });
        events.publish(ChangeEvent.Kind.USER, created.id());
        return created;
    }

    public List<UserView> list() {
        return database.inTransaction(session -> session
                .createSelectionQuery("from User order by id", User.class)
                .getResultList()
                .stream()
                .map(User::toView)
                .toList());
    }

    /**
     * Returns one page of users whose user name or email contains the search text, ignoring case.
     * Filtering, sorting and paging run in SQL, so only the rows of the page are loaded.
     *
     * @throws ValidationException when the page number or size is out of range
     */
    public Page<UserView> page(UserQuery query) {
        Page.requireValid(query.page(), query.pageSize());
        boolean searching = !query.search().isEmpty();
        String where = searching
                ? " where u.usernameKey like :pattern escape '" + LikePatterns.ESCAPE + "'"
                        + " or u.emailKey like :pattern escape '" + LikePatterns.ESCAPE + "'"
                : "";
        String direction = query.ascending() ? " asc" : " desc";
        String order = " order by " + query.sort().path() + direction + ", u.id" + direction;
        String pattern = searching ? LikePatterns.containing(Identifiers.key(query.search())) : null;

        return database.inTransaction(session -> {
            var count = session.createSelectionQuery("select count(*) from User u" + where, Long.class);
            // Only the role sort joins roles; the eager role of each user comes from the session cache.
            String from = query.sort() == UserSort.ROLE ? "select u from User u join u.role r" : "select u from User u";
            var select = session.createSelectionQuery(from + where + order, User.class);
            if (searching) {
                count.setParameter("pattern", pattern);
                select.setParameter("pattern", pattern);
            }
            long total = count.getSingleResult();
            List<UserView> users = select
                    .setFirstResult(Page.offset(query.page(), query.pageSize()))
                    .setMaxResults(query.pageSize())
                    .getResultList()
                    .stream()
                    .map(User::toView)
                    .toList();
            return new Page<>(users, total, query.page(), query.pageSize());
        });
    }

    /** Returns the number of users. */
    public long count() {
        return database.inTransaction(session -> session.createSelectionQuery("select count(*) from User", Long.class).getSingleResult());
    }

    /**
     * Changes the user name and email of a user. Existing JWTs and tokens stay valid, because they
     * name the user by id.
     *
     * @throws ValidationException listing every invalid field
     * @throws ConflictException when another user has the user name or email
     * @throws NotFoundException when the user does not exist
     */
    public UserView update(long userId, String newUsername, String newEmail) {
        List<FieldError> errors = new ArrayList<>();
        String username = validUsername(newUsername, errors);
        String email = validEmail(newEmail, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() == 1 ? errors.get(0).message() : errors.size() + " errors in the user", errors);
        }

        UserView updated = database.inTransaction(session -> {
            User user = requireEntity(session, userId);
            requireFree(session, "username", username, Identifiers.key(username), userId);
            requireFree(session, "email", email, Identifiers.key(email), userId);
            String details = describeRename(user, username, email);
            user.rename(username, email, clock.instant());
            audit.record(session, AuditAction.USER_UPDATED, userId, username, details);
            return user.toView();
        });
        events.publish(ChangeEvent.Kind.USER, userId);
        return updated;
    }

    private static String describeRename(User user, String username, String email) {
        List<String> changes = new ArrayList<>();
        if (!user.getUsername().equals(username)) {
            changes.add("username " + user.getUsername() + " -> " + username);
        }
        if (!user.getEmail().equals(email)) {
            changes.add("email " + user.getEmail() + " -> " + email);
        }
        return changes.isEmpty() ? "no change" : String.join(", ", changes);
    }

    /** Returns the user with {@code id}, if there is one. */
    public Optional<UserView> find(long id) {
        return database.inTransaction(session -> Optional.ofNullable(session.find(User.class, id)).map(User::toView));
    }

    /**
     * Finds a user by user name or email, ignoring case and surrounding whitespace.
     *
     * @throws NotFoundException when no user matches
     */
    public UserView findByIdentifier(String identifier) {
        return database.inTransaction(session -> findEntity(session, identifier)
                .map(User::toView)
                .orElseThrow(() -> new NotFoundException("User", identifier)));
    }

    /**
     * Checks a login. An unknown identifier costs as much time as a wrong password.
     *
     * @throws LoginRejectedException when the identifier or password is wrong, or the user is blocked
     */
    public UserView login(String identifier, String password) {
        Optional<LoginCandidate> candidate = database.inTransaction(session -> findEntity(session, identifier)
                .map(user -> new LoginCandidate(user.toView(), user.getPasswordHash())));
        if (candidate.isEmpty()) {
            hasher.verifyDecoy(password);
            throw new LoginRejectedException(LoginRejectedException.Reason.INVALID);
        }
        if (!hasher.verify(password, candidate.get().passwordHash())) {
            throw new LoginRejectedException(LoginRejectedException.Reason.INVALID);
        }
        if (candidate.get().user().blocked()) {
            throw new LoginRejectedException(LoginRejectedException.Reason.BLOCKED);
        }
        return candidate.get().user();
    }

    /** Blocks or unblocks a user; blocking invalidates every JWT issued before. */
    public UserView setBlocked(long userId, boolean blocked) {
        return change(userId, blocked ? AuditAction.USER_BLOCKED : AuditAction.USER_UNBLOCKED, user -> user.setBlocked(blocked, clock.instant()));
    }

    /** Sets a new password and invalidates every JWT issued before. API tokens stay valid. */
    public UserView changePassword(long userId, String newPassword) {
        List<FieldError> errors = new ArrayList<>();
        validPassword(newPassword, "password", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.get(0));
        }
        String passwordHash = hasher.hash(newPassword);
        return change(userId, AuditAction.PASSWORD_CHANGED, user -> user.setPasswordHash(passwordHash, clock.instant()));
    }

    /** Invalidates every JWT of the user without changing anything else. */
    public UserView signOutEverywhere(long userId) {
        return change(userId, AuditAction.USER_SIGNED_OUT, user -> user.bumpCredentialVersion(clock.instant()));
    }

    /** Gives the user another role; the change applies to their tokens on the next request. */
    public UserView changeRole(long userId, String roleName) {
        UserView changed = database.inTransaction(session -> {
            Role role = RoleService.findEntityByName(session, roleName);
            if (role.getType() == RoleType.PUBLIC) {
                throw ValidationException.of("role", "Users cannot have the Public role: it is for callers without a credential");
            }
            User user = requireEntity(session, userId);
            user.setRole(role, clock.instant());
            audit.record(session, AuditAction.USER_ROLE_CHANGED, userId, user.getUsername(), "role " + role.getName());
            return user.toView();
        });
        events.publish(ChangeEvent.Kind.USER, userId);
        return changed;
    }

    /** Deletes a user and, through the foreign key, all of their API tokens. */
    public void delete(long userId) {
        database.run(session -> {
            User user = requireEntity(session, userId);
            audit.record(session, AuditAction.USER_DELETED, userId, user.getUsername(), null);
            session.remove(user);
        });
        events.publish(ChangeEvent.Kind.USER, userId);
        events.publish(ChangeEvent.Kind.TOKEN, null);
    }

    private UserView change(long userId, AuditAction action, java.util.function.Consumer<User> change) {
        UserView changed = database.inTransaction(session -> {
            User user = requireEntity(session, userId);
            change.accept(user);
            audit.record(session, action, userId, user.getUsername(), null);
            return user.toView();
        });
        events.publish(ChangeEvent.Kind.USER, userId);
        return changed;
    }

    private static User requireEntity(Session session, long userId) {
        User user = session.find(User.class, userId);
        if (user == null) {
            throw new NotFoundException("User", userId);
        }
        return user;
    }

    static Optional<User> findEntity(Session session, String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        String key = Identifiers.key(identifier);
        return Optional.ofNullable(session
                .createSelectionQuery("from User where usernameKey = :key or emailKey = :key", User.class)
                .setParameter("key", key)
                .getSingleResultOrNull());
    }

    private static Role defaultRole(Session session) {
        return session.createSelectionQuery("from Role where type = :type", Role.class)
                .setParameter("type", RoleType.AUTHENTICATED.dbValue())
                .getSingleResult();
    }

    /** Throws {@link ConflictException} when a user other than {@code exceptUserId} has {@code key}. */
    private static void requireFree(Session session, String field, String value, String key, Long exceptUserId) {
        String property = field.equals("email") ? "emailKey" : "usernameKey";
        Long count = session.createSelectionQuery("select count(*) from User where " + property + " = :key and id <> :except", Long.class)
                .setParameter("key", key)
                .setParameter("except", exceptUserId == null ? -1L : exceptUserId)
                .getSingleResult();
        if (count > 0) {
            throw new ConflictException(field, value, "A user with " + field + " '" + value + "' already exists");
        }
    }

    private static String validUsername(String username, List<FieldError> errors) {
        if (username == null || username.isBlank()) {
            errors.add(new FieldError("username", "username is missing"));
            return null;
        }
        String clean = Identifiers.normalize(username);
        if (clean.length() < 3 || clean.length() > 100) {
            errors.add(new FieldError("username", "username '" + clean + "' must be 3 to 100 characters long"));
        } else if (clean.codePoints().anyMatch(UserService::isInvisible)) {
            errors.add(new FieldError("username", "username must not contain spaces, control characters or invisible formatting "
                    + "characters such as zero-width spaces or direction marks"));
        } else if (clean.contains("@")) {
            errors.add(new FieldError("username", "username '" + clean + "' must not contain '@', so it cannot be mistaken for an email"));
        }
        return clean;
    }

    /** Returns whether a character would make two different names look the same on screen. */
    private static boolean isInvisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isISOControl(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    private static String validEmail(String email, List<FieldError> errors) {
        if (email == null || email.isBlank()) {
            errors.add(new FieldError("email", "email is missing"));
            return null;
        }
        String clean = Identifiers.normalize(email);
        if (clean.length() > 254 || !EMAIL.matcher(clean).matches()) {
            errors.add(new FieldError("email", "email '" + clean + "' is not a valid email address"));
        }
        return clean;
    }

    private static void validPassword(String password, String field, List<FieldError> errors) {
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError(field, field + " is missing"));
        } else if (password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            errors.add(new FieldError(field, field + " must be " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH
                    + " characters long, got " + password.length()));
        }
    }

    private record LoginCandidate(UserView user, String passwordHash) {
    }
}

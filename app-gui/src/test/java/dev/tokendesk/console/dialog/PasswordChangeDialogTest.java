package dev.tokendesk.console.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendesk.ValidationException;
import dev.tokendesk.console.testing.InlineExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Shows the real password dialog headless and types into it like an admin. */
class PasswordChangeDialogTest {

    private final FxRobot robot = new FxRobot();
    private final List<String> stored = new ArrayList<>();
    private Stage owner;
    private PasswordChangeForm form;

    @BeforeEach
    void open() throws Exception {
        FxToolkit.registerPrimaryStage();
        // A stage of its own, because a primary stage resized here would keep that size in later console tests.
        owner = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(), 600, 400));
            stage.show();
            return stage;
        }).get(10, TimeUnit.SECONDS);
        form = new PasswordChangeForm("bob", new InlineExecutor(), password -> {
            if (password.length() < 8) {
                throw ValidationException.of("password", "password must be 8 to 256 characters long, got " + password.length());
            }
            stored.add(password);
        }, () -> { });
        Platform.runLater(() -> new FxDialogService(() -> owner).showPasswordChange(form));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newPasswordField").tryQuery()
                .map(field -> field.getScene().getWindow() != null && field.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void tabMovesToConfirmationField() {
        robot.clickOn("#newPasswordField").write("abc");
        robot.type(KeyCode.TAB).write("defgh");

        assertThat(form.passwordProperty().get()).isEqualTo("abc");
        assertThat(form.confirmationProperty().get()).isEqualTo("defgh");
    }

    @Test
    void rejectionKeepsDialogOpen() {
        robot.clickOn("#newPasswordField").write("short");
        robot.clickOn("#confirmPasswordField").write("short");

        robot.clickOn("#confirmPasswordChangeButton");

        assertThat(robot.lookup("#newPasswordError").queryAs(Label.class).getText()).contains("8 to 256 characters");
        assertThat(robot.lookup("#newPasswordField").tryQuery()).isPresent();
        assertThat(stored).isEmpty();
    }

    @Test
    void successClosesAndClearsDialog() throws TimeoutException {
        robot.clickOn("#newPasswordField").write("Bob-New-Pass-1");
        robot.clickOn("#confirmPasswordField").write("Bob-New-Pass-1");
        PasswordField field = robot.lookup("#newPasswordField").queryAs(PasswordField.class);

        robot.clickOn("#confirmPasswordChangeButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newPasswordField").tryQuery().isEmpty());

        assertThat(stored).containsExactly("Bob-New-Pass-1");
        assertThat(field.getText()).isEmpty();
        assertThat(form.passwordProperty().get()).isEmpty();
        assertThat(form.confirmationProperty().get()).isEmpty();
    }
}

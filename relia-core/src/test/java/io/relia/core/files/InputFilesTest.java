package io.relia.core.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsARegularFileAndALinkToOne() throws IOException {
        Path file = Files.writeString(dir.resolve("slo.yaml"), "service: checkout\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), file);
        assertThat(InputFiles.readString(file, StandardCharsets.UTF_8, 100)).isEqualTo("service: checkout\n");
        assertThat(InputFiles.readAllBytes(link)).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void refusesALinkToAnEndlessDeviceBeforeReadingAByte() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "a Unix system");
        Path link = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> InputFiles.readAllBytes(link)).isInstanceOf(RefusedFileException.class)
                .hasMessage("not a regular file (a link to a character device, /dev/zero)");
        assertThatThrownBy(() -> InputFiles.readAllBytes(Path.of("/dev/zero")))
                .hasMessage("not a regular file (a character device)");
    }

    @Test
    void refusesAFifoWithoutOpeningIt() throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        // Opening a FIFO with no writer blocks for ever: reaching the assertion at all shows it was not opened.
        assertThatThrownBy(() -> InputFiles.readAllBytes(fifo)).hasMessage("not a regular file (a FIFO)");
        assertThatThrownBy(() -> InputFiles.readHead(fifo, 10)).hasMessage("not a regular file (a FIFO)");
        assertThatThrownBy(() -> InputFiles.newInputStream(fifo, 10)).hasMessage("not a regular file (a FIFO)");
    }

    @Test
    void refusesASocketAndADirectory() throws IOException {
        Path socket = dir.resolve("s.yaml");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertThatThrownBy(() -> InputFiles.readAllBytes(socket)).hasMessage("not a regular file (a socket)");
        }
        assertThatThrownBy(() -> InputFiles.readAllBytes(dir)).hasMessage("not a regular file (a directory)");
    }

    @Test
    void reportsAMissingFileOrADanglingLinkAsMissing() throws IOException {
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("nowhere.yaml"));
        assertThatThrownBy(() -> InputFiles.readAllBytes(dir.resolve("none.yaml")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> InputFiles.readAllBytes(dangling)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void readsAFileOfExactlyTheCapAndRefusesOneByteMore() throws IOException {
        Path file = Files.write(dir.resolve("data.csv"), new byte[1024]);
        assertThat(InputFiles.readAllBytes(file, 1024)).hasSize(1024);
        assertThatThrownBy(() -> InputFiles.readAllBytes(file, 1023)).isInstanceOf(RefusedFileException.class)
                .hasMessage("the file is too large (more than 1023 bytes)");
        assertThat(((RefusedFileException) catchRefusal(file, 1023)).problem().format())
                .isEqualTo(file + ": error: the file is too large (more than 1023 bytes); expected a file of at "
                        + "most 1023 bytes");
    }

    @Test
    void streamsUpToTheCapAndFailsPastIt() throws IOException {
        Path file = Files.writeString(dir.resolve("usage.csv"), "timestamp,value\n1,2\n3,4\n");
        try (BufferedReader reader = InputFiles.newBufferedReader(file, StandardCharsets.UTF_8, 1024)) {
            assertThat(reader.lines().toList()).containsExactly("timestamp,value", "1,2", "3,4");
        }
        try (InputStream in = InputFiles.newInputStream(file, 16)) {
            assertThat(in.readNBytes(16)).hasSize(16);
            assertThatThrownBy(in::read).isInstanceOf(RefusedFileException.class)
                    .hasMessage("the file is too large (more than 16 bytes)");
        }
    }

    @Test
    void readsOnlyTheHeadOfALargeFile() throws IOException {
        Path file = Files.write(dir.resolve("big.yaml"), new byte[100_000]);
        assertThat(InputFiles.readHead(file, 10)).hasSize(10);
    }

    @Test
    void refusesTextThatIsNotInTheCharset() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        assertThatThrownBy(() -> InputFiles.readString(file, StandardCharsets.UTF_8, 100))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }

    @Test
    void describesSizesInTheLargestWholeUnit() {
        assertThat(InputFiles.describeSize(16L * 1024 * 1024)).isEqualTo("16 MiB");
        assertThat(InputFiles.describeSize(64 * 1024)).isEqualTo("64 KiB");
        assertThat(InputFiles.describeSize(1000)).isEqualTo("1000 bytes");
    }

    private static IOException catchRefusal(Path file, long cap) {
        try {
            InputFiles.readAllBytes(file, cap);
            throw new AssertionError("not refused");
        } catch (IOException refused) {
            return refused;
        }
    }
}

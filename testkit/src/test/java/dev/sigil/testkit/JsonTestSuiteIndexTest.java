package dev.sigil.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonTestSuiteIndexTest {

    @Test
    void theIndexListsExactlyTheFilesOfTheCorpusFolder() throws IOException, URISyntaxException {
        // Here testkit's resources are a folder, so it can be listed; from the jar only the index can.
        URL folder = JsonTestSuite.class.getResource("jsontestsuite/test_parsing");
        assertNotNull(folder);
        List<String> listed;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            listed = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        List<String> indexed = JsonTestSuite.files().stream().map(JsonTestSuite.CorpusFile::name)
                .collect(Collectors.toList());
        assertEquals(listed, indexed);
        assertEquals(318, indexed.size());
    }

    @Test
    void everyImplementationDefinedDecisionNamesAFileOfTheCorpus() {
        List<String> names = JsonTestSuite.files().stream().map(JsonTestSuite.CorpusFile::name)
                .collect(Collectors.toList());
        JsonTestSuite.IMPLEMENTATION_DEFINED.keySet().forEach(name -> assertEquals(true, names.contains(name), name));
        JsonTestSuite.DELIBERATELY_REJECTED.keySet().forEach(name -> assertEquals(true, names.contains(name), name));
    }
}

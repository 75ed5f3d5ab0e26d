package labs.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the IDE run configurations true: every IntelliJ {@code .run/*.run.xml} runs
 * {@code exec:java[@id] -Dlab=N} for a lab profile some module declares, and resolves to a main
 * class that exists; every lab's server and client has one; every VS Code launch in
 * {@code .vscode/launch.json} names an existing module and main class. The poms are read as text,
 * which is enough for the few properties and executions the labs declare.
 */
class IdeConfigurationsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern GOAL = Pattern.compile("<option value=\"([^\"]*)\" />");
    private static final Pattern LAB_PROFILE = Pattern.compile(
            "<activation>\\s*<property>\\s*<name>lab</name>\\s*<value>([^<]+)</value>");
    private static final Pattern EXECUTION = Pattern.compile(
            "<execution>\\s*<id>([^<]+)</id>\\s*<configuration>\\s*<mainClass>([^<]+)</mainClass>");
    /** A launch as launch.json writes it: name, request, mainClass, projectName, in this order. */
    private static final Pattern LAUNCH = Pattern.compile(
            "\"name\": \"([^\"]+)\",\\s*\"request\": \"launch\",\\s*\"mainClass\": \"([^\"]+)\",\\s*\"projectName\": \"([^\"]+)\"");

    /** One lab module: its folder, the lab id its run profile answers to, and its main classes by exec id. */
    private record Module(Path folder, String lab, Map<String, String> mains) {
    }

    private static final Map<String, Module> MODULES_BY_LAB = new LinkedHashMap<>();
    private static String rootPom;

    @BeforeAll
    static void readPoms() throws IOException {
        rootPom = Files.readString(ROOT.resolve("pom.xml"));
        try (Stream<Path> folders = Files.list(ROOT)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("pom.xml"))).sorted().toList()) {
                String pom = Files.readString(folder.resolve("pom.xml"));
                Matcher profile = LAB_PROFILE.matcher(pom);
                if (profile.find()) {
                    MODULES_BY_LAB.put(profile.group(1), new Module(folder, profile.group(1), mainsOf(pom)));
                }
            }
        }
        assertThat(MODULES_BY_LAB).containsKeys("1", "2", "3", "4", "5");
    }

    /** exec id → main class: the default, client and checker from properties, the rest from executions. */
    private static Map<String, String> mainsOf(String pom) {
        Map<String, String> mains = new LinkedHashMap<>();
        property(pom, "lab.server.main").ifPresent(main -> mains.put("", main));
        mains.put("client", property(pom, "lab.client.main").orElse(mains.get("")));
        mains.put("checker", property(pom, "lab.checker.main").orElseGet(() -> property(rootPom, "lab.checker.main").orElseThrow()));
        Matcher execution = EXECUTION.matcher(pom);
        while (execution.find()) {
            mains.put(execution.group(1), execution.group(2));
        }
        return mains;
    }

    private static Optional<String> property(String pom, String name) {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        return value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }

    private static boolean classExists(String className) throws IOException {
        String file = className.replace('.', '/') + ".java";
        try (Stream<Path> folders = Files.list(ROOT)) {
            return folders.anyMatch(folder -> Files.isRegularFile(folder.resolve("src/main/java").resolve(file)));
        }
    }

    private static List<Path> runFiles() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(".run"))) {
            return files.filter(f -> f.toString().endsWith(".run.xml")).sorted().toList();
        }
    }

    /** The lab id and the exec id ("" for plain exec:java) a configuration runs. */
    private record Run(String file, String lab, String exec, boolean compiles, boolean fromRoot) {
        static Run of(Path file) throws IOException {
            String xml = Files.readString(file);
            List<String> goals = new ArrayList<>();
            Matcher goal = GOAL.matcher(xml);
            while (goal.find()) {
                goals.add(goal.group(1));
            }
            String lab = goals.stream().filter(g -> g.startsWith("-Dlab=")).map(g -> g.substring(6)).findFirst().orElse(null);
            String exec = goals.stream().filter(g -> g.startsWith("exec:java")).map(g -> g.replaceFirst("^exec:java@?", ""))
                    .findFirst().orElse(null);
            return new Run(file.getFileName().toString(), lab, exec, goals.contains("compile"),
                    xml.contains("<option name=\"workingDirPath\" value=\"$PROJECT_DIR$\" />")
                            && xml.contains("type=\"MavenRunConfiguration\""));
        }
    }

    @Test
    void everyIntellijConfigurationRunsAnExistingProgramOfALab() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : runFiles()) {
            Run run = Run.of(file);
            if (run.lab() == null || run.exec() == null || !run.compiles() || !run.fromRoot()) {
                wrong.add(run.file() + ": not a Maven run of `compile exec:java[@id] -Dlab=N` from the project root");
                continue;
            }
            Module module = MODULES_BY_LAB.get(run.lab());
            String main = module == null ? null : module.mains().get(run.exec());
            if (module == null) {
                wrong.add(run.file() + ": no module has a profile for -Dlab=" + run.lab());
            } else if (main == null) {
                wrong.add(run.file() + ": " + module.folder().getFileName() + " has no exec:java@" + run.exec());
            } else if (!classExists(main)) {
                wrong.add(run.file() + ": main class " + main + " does not exist");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyLabServerAndClientHasAnIntellijConfiguration() throws IOException {
        Set<String> configured = new HashSet<>();
        for (Path file : runFiles()) {
            Run run = Run.of(file);
            configured.add(run.lab() + "@" + run.exec());
        }
        List<String> missing = new ArrayList<>();
        for (Module module : MODULES_BY_LAB.values()) {
            if (module.mains().containsKey("") && !configured.contains(module.lab() + "@")) {
                missing.add("the program of -Dlab=" + module.lab());
            }
            if (property(Files.readString(module.folder().resolve("pom.xml")), "lab.client.main").isPresent()
                    && !configured.contains(module.lab() + "@client")) {
                missing.add("the client of -Dlab=" + module.lab());
            }
        }
        assertThat(configured).contains("2@checker");
        assertThat(missing).isEmpty();
    }

    @Test
    void everyVsCodeLaunchNamesAnExistingModuleAndMainClass() throws IOException {
        String launch = Files.readString(ROOT.resolve(".vscode/launch.json"));
        Matcher configuration = LAUNCH.matcher(launch);
        List<String> wrong = new ArrayList<>();
        Set<String> mains = new HashSet<>();
        while (configuration.find()) {
            String name = configuration.group(1);
            String main = configuration.group(2);
            boolean moduleExists = Files.isRegularFile(ROOT.resolve(configuration.group(3)).resolve("pom.xml"));
            mains.add(main);
            if (!moduleExists) {
                wrong.add(name + ": no module " + configuration.group(3));
            } else if (!classExists(main)) {
                wrong.add(name + ": main class " + main + " does not exist");
            }
        }
        assertThat(wrong).isEmpty();
        Set<String> labMains = MODULES_BY_LAB.values().stream()
                .flatMap(m -> Stream.of(m.mains().get(""), m.mains().get("client"))).collect(Collectors.toSet());
        assertThat(mains).containsAll(labMains);
    }

}

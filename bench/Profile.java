import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The two halves of bench/profile. {@code drive <base> create|ui <seconds> <password>}
 * loads the application (16 clients creating incidents, or one browser session reading the
 * incident list) and prints throughput and latency; {@code top <file.jfr>} reads a JFR
 * recording's CPU samples (async-profiler's, which include native and JVM frames) and
 * prints where they were spent: by thread, the hottest methods, the project method
 * nearest to each sample, and the project methods on the most stacks.
 */
public class Profile {

	public static void main(String[] args) throws Exception {
		if (args[0].equals("drive")) {
			drive(args[1], args[2], Integer.parseInt(args[3]), args[4]);
		}
		else {
			top(Path.of(args[1]));
		}
	}

	// ---- load

	static void drive(String base, String what, int seconds, String password) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failed = new AtomicInteger();
		long t0 = System.nanoTime();
		long cpu0 = cpuNanos();
		if (what.equals("create")) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String token = token(http, base, password);
			AtomicInteger n = new AtomicInteger();
			List<Thread> clients = new ArrayList<>();
			for (int c = 0; c < 16; c++) {
				Thread t = new Thread(() -> {
					while (System.nanoTime() < end) {
						long s = System.nanoTime();
						try {
							HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents"))
								.header("Authorization", "Bearer " + token)
								.header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"剖析：三楼打印机卡纸 " + n.incrementAndGet()
										+ "\",\"description\":\"打印机一直提示卡纸，已经重启过，还是不能打印。\",\"urgency\":3}"))
								.build(), HttpResponse.BodyHandlers.ofString());
							if (r.statusCode() != 201) {
								failed.incrementAndGet();
							}
						}
						catch (Exception ex) {
							failed.incrementAndGet();
						}
						nanos.add(System.nanoTime() - s);
					}
				});
				t.start();
				clients.add(t);
			}
			for (Thread t : clients) {
				t.join();
			}
		}
		else if (what.equals("rest")) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			String token = token(http, base, password);
			while (System.nanoTime() < end) {
				long s = System.nanoTime();
				HttpResponse<String> r = http.send(
						HttpRequest.newBuilder(URI.create(base + "/api/v1/work-items?type=incident&size=50"))
							.header("Authorization", "Bearer " + token)
							.GET()
							.build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 200) {
					failed.incrementAndGet();
				}
				nanos.add(System.nanoTime() - s);
			}
		}
		else {
			HttpClient session = session(base, password);
			while (System.nanoTime() < end) {
				long s = System.nanoTime();
				HttpResponse<String> r = session.send(
						HttpRequest.newBuilder(URI.create(base + "/work/incident?view=all")).GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 200) {
					failed.incrementAndGet();
				}
				nanos.add(System.nanoTime() - s);
			}
		}
		double wall = (System.nanoTime() - t0) / 1e9;
		// the driver's own CPU while it drove, for bench/profile's split of the machine's time
		System.err.printf("driver-cpu-ms %d%n", (cpuNanos() - cpu0) / 1_000_000);
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		System.out.printf("%s: %d requests in %.0f s = %.1f/s, %d failed; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", what,
				sorted.size(), wall, sorted.size() / wall, failed.get(), sorted.get(sorted.size() / 2) / 1e6,
				sorted.get((int) (sorted.size() * 0.95)) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
	}

	static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static String token(HttpClient http, String base, String password) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"benchhead\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
		if (!m.find()) {
			throw new IllegalStateException("no token: " + r.statusCode() + " " + r.body());
		}
		return m.group(1);
	}

	static HttpClient session(String base, String password) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=benchhead&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());
		return client;
	}

	// ---- where the CPU went

	static void top(Path file) throws Exception {
		Map<String, Integer> leaf = new HashMap<>();
		Map<String, Integer> nearest = new HashMap<>();
		Map<String, Integer> onStack = new HashMap<>();
		Map<String, Integer> threads = new HashMap<>();
		int samples = 0;
		for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
			if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
				continue;
			}
			samples++;
			RecordedThread thread = e.getThread("sampledThread");
			String name = (thread == null || thread.getJavaName() == null)
					? ((thread == null || thread.getOSName() == null) ? "?" : thread.getOSName()) : thread.getJavaName();
			// http-nio-18080-exec-7 → http-nio-N-exec-N: one line per pool
			threads.merge(name.replaceAll("\\d+", "N"), 1, Integer::sum);
			List<RecordedFrame> frames = e.getStackTrace().getFrames();
			Set<String> seen = new HashSet<>();
			String first = null;
			for (int i = 0; i < frames.size(); i++) {
				String m = frames.get(i).getMethod().getType().getName() + "." + frames.get(i).getMethod().getName();
				if (i == 0) {
					leaf.merge(m, 1, Integer::sum);
				}
				if (m.startsWith("org.yunwei.")) {
					if (first == null) {
						first = m;
						nearest.merge(m, 1, Integer::sum);
					}
					if (seen.add(m)) {
						onStack.merge(m, 1, Integer::sum);
					}
				}
			}
		}
		System.out.println(samples + " CPU samples");
		print("threads (JIT compiler and GC threads included)", threads, samples, 8);
		print("hottest methods (the frame running)", leaf, samples, 15);
		print("the project method nearest to the running frame", nearest, samples, 25);
		print("project methods on the stack (inclusive)", onStack, samples, 40);
	}

	static void print(String title, Map<String, Integer> counts, int samples, int limit) {
		System.out.println();
		System.out.println(title + ":");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(limit)
			.forEach((e) -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
	}

}

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a running Yunwei against the benchmark database, each figure beside its
 * baseline taken in the same run on the same database: creating incidents over REST
 * against raw JDBC INSERTs, list pages (REST and UI) against the hand-written SQL of the
 * same query, full-text search, and computing every indicator for a month and a year.
 * Prints the table and writes it as JSON.
 *
 * <pre>
 * java -cp postgresql.jar bench/Run.java http://127.0.0.1:18080 jdbc:postgresql://…/yunwei_bench_run password out.json [extra figures as key=value]
 * </pre>
 */
public class Run {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	final String base;

	final String jdbc;

	final String password;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final List<Map<String, Object>> figures = new ArrayList<>();

	String token;

	Run(String base, String jdbc, String password) {
		this.base = base;
		this.jdbc = jdbc;
		this.password = password;
	}

	public static void main(String[] args) throws Exception {
		Run run = new Run(args[0], args[1], args[2]);
		for (int i = 4; i < args.length; i++) {
			String[] kv = args[i].split("=", 2);
			String[] parts = kv[1].split(":", 2);
			run.figure(kv[0], Double.parseDouble(parts[0]), (parts.length > 1) ? parts[1] : "", null, null, null);
		}
		run.token = run.token("benchhead");
		run.create();
		run.indexCatchUp();
		run.lists();
		run.search();
		run.indicators();
		run.print();
		Files.writeString(Path.of(args[3]), run.json(), StandardCharsets.UTF_8);
	}

	// ---- figures

	void figure(String name, double value, String unit, Double baseline, String baselineName, String target) {
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("name", name);
		f.put("value", round(value));
		f.put("unit", unit);
		if (baseline != null) {
			f.put("baseline", round(baseline));
			f.put("baselineName", baselineName);
			f.put("ratio", (baseline == 0) ? null : round(value / baseline));
		}
		if (target != null) {
			f.put("target", target);
		}
		this.figures.add(f);
		System.out.printf("%-58s %10s %-6s %s%n", name, round(value), unit,
				(baseline == null) ? "" : String.format("baseline %s (%s), ratio %s", round(baseline), baselineName,
						f.get("ratio")));
	}

	static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}

	static double percentile(long[] nanos, double p) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		int i = (int) Math.ceil(p / 100 * s.length) - 1;
		return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
	}

	void print() {
		System.out.println();
		System.out.printf("%-58s %10s %-6s %10s %8s  %s%n", "figure", "value", "unit", "baseline", "ratio", "target");
		for (Map<String, Object> f : this.figures) {
			System.out.printf("%-58s %10s %-6s %10s %8s  %s%n", f.get("name"), f.get("value"), f.get("unit"),
					f.getOrDefault("baseline", ""), f.getOrDefault("ratio", ""), f.getOrDefault("target", ""));
		}
	}

	String json() {
		StringBuilder b = new StringBuilder("{\n  \"date\": \"" + LocalDate.now(ZONE) + "\",\n  \"machine\": \""
				+ Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") + "\",\n  \"figures\": [\n");
		for (int i = 0; i < this.figures.size(); i++) {
			b.append("    {");
			int k = 0;
			for (Map.Entry<String, Object> e : this.figures.get(i).entrySet()) {
				b.append((k++ > 0) ? ", " : "").append('"').append(e.getKey()).append("\": ");
				Object v = e.getValue();
				b.append((v instanceof Number || v == null) ? String.valueOf(v)
						: '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
			}
			b.append((i < this.figures.size() - 1) ? "},\n" : "}\n");
		}
		return b.append("  ]\n}\n").toString();
	}

	// ---- HTTP

	String token(String user) throws Exception {
		HttpResponse<String> r = this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + "/api/v1/auth/token"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"username\":\"" + user + "\",\"password\":\"" + this.password + "\"}"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
		if (!m.find()) {
			throw new IllegalStateException("no token for " + user + ": " + r.statusCode() + " " + r.body());
		}
		return m.group(1);
	}

	HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.timeout(java.time.Duration.ofMinutes(20))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A browser-like session: the login form, then its cookie. */
	HttpClient session(String user) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = client
			.send(HttpRequest.newBuilder(URI.create(this.base + "/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + user + "&password=" + URLEncoder.encode(this.password, StandardCharsets.UTF_8)
				+ "&_csrf=" + m.group(1);
		client.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		return client;
	}

	/** Runs {@code perClient} calls on each of {@code clients} threads; returns wall nanos. */
	static long parallel(int clients, int perClient, IntConsumer call) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(clients);
		AtomicInteger failures = new AtomicInteger();
		long t0 = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int client = c;
			new Thread(() -> {
				try {
					for (int i = 0; i < perClient; i++) {
						call.accept(client * perClient + i);
					}
				}
				catch (RuntimeException ex) {
					failures.incrementAndGet();
					ex.printStackTrace();
				}
				finally {
					done.countDown();
				}
			}).start();
		}
		done.await();
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " clients failed");
		}
		return System.nanoTime() - t0;
	}

	// ---- 1. create

	void create() throws Exception {
		try (Connection c = DriverManager.getConnection(this.jdbc, "postgres", ""); Statement s = c.createStatement()) {
			s.execute("drop table if exists bench_raw_item");
			s.execute("create table bench_raw_item (like wi_item including defaults including indexes)");
		}
		long workflow;
		try (Connection c = DriverManager.getConnection(this.jdbc, "postgres", "");
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(
						"select id from wi_workflow where type_code = 'incident' and variant = '' and active")) {
			rs.next();
			workflow = rs.getLong(1);
		}
		AtomicLong rawId = new AtomicLong(100_000_000);
		for (int clients : new int[] { 1, 16, 64 }) {
			int perClient = Math.max(20, 1200 / clients);
			int total = clients * perClient;
			// warm-up
			if (clients == 1) {
				for (int i = 0; i < 30; i++) {
					createOne(i);
				}
			}
			long[] app = new long[total];
			long wall = parallel(clients, perClient, (i) -> {
				long t = System.nanoTime();
				createOne(i);
				app[i] = System.nanoTime() - t;
			});
			double tput = total / (wall / 1e9);
			// the same columns by raw single-row INSERTs, one connection per client
			long[] raw = new long[total];
			Connection[] connections = new Connection[clients];
			for (int k = 0; k < clients; k++) {
				connections[k] = DriverManager.getConnection(this.jdbc, "postgres", "");
			}
			long rawWall = parallel(clients, perClient, (i) -> {
				try (PreparedStatement ps = connections[i / perClient].prepareStatement(
						"insert into bench_raw_item (id, version, type_code, number, title, description, workflow_id, state,"
								+ " state_category, impact, urgency, priority, requester_id, opened_at, updated_at)"
								+ " values (?, 0, 'incident', ?, ?, ?, ?, 'new', 'NEW', 3, 3, 4, 1, now(), now())")) {
					long id = rawId.incrementAndGet();
					long t = System.nanoTime();
					ps.setLong(1, id);
					ps.setString(2, "RAW-" + id);
					ps.setString(3, "基准测试：打印机卡纸 " + i);
					ps.setString(4, "三楼彩色打印机卡纸，已重启仍不能打印。");
					ps.setLong(5, workflow);
					ps.executeUpdate();
					raw[i] = System.nanoTime() - t;
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			for (Connection c : connections) {
				c.close();
			}
			double rawTput = total / (rawWall / 1e9);
			figure("create incident, " + clients + " clients: throughput", tput, "req/s", rawTput, "raw INSERT",
					(clients == 16) ? "≥ 0.3 × raw" : null);
			figure("create incident, " + clients + " clients: p50", percentile(app, 50), "ms", percentile(raw, 50),
					"raw INSERT", null);
			figure("create incident, " + clients + " clients: p95", percentile(app, 95), "ms", percentile(raw, 95),
					"raw INSERT", null);
			figure("create incident, " + clients + " clients: p99", percentile(app, 99), "ms", percentile(raw, 99),
					"raw INSERT", (clients == 16) ? "< 50 ms" : null);
		}
		try (Connection c = DriverManager.getConnection(this.jdbc, "postgres", ""); Statement s = c.createStatement()) {
			s.execute("drop table bench_raw_item");
		}
	}

	void createOne(int i) {
		try {
			HttpResponse<String> r = post("/api/v1/incidents",
					"{\"title\":\"基准测试：三楼打印机卡纸 " + i + "\",\"description\":\"打印机一直提示卡纸，已经重启过，还是不能打印。\",\"urgency\":3}");
			if (r.statusCode() != 201) {
				throw new IllegalStateException("create: " + r.statusCode() + " " + r.body());
			}
		}
		catch (Exception ex) {
			throw (ex instanceof RuntimeException re) ? re : new IllegalStateException(ex);
		}
	}

	/**
	 * How long after the last create the full-text index has every new incident in it
	 * (the index is written after commit, on its own thread): seconds until the search
	 * status shows nothing pending, polled every 200 ms, given up after 10 minutes.
	 */
	void indexCatchUp() throws Exception {
		String admin = token("sysadmin");
		long t0 = System.nanoTime();
		long pending = -1;
		while (System.nanoTime() - t0 < 600_000_000_000L) {
			HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search/status"))
				.header("Authorization", "Bearer " + admin)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = Pattern.compile("\"kind\"\\s*:\\s*\"workitem\"[^}]*?\"pending\"\\s*:\\s*(\\d+)").matcher(r.body());
			if (!m.find()) {
				throw new IllegalStateException("search status: " + r.statusCode() + " " + r.body());
			}
			pending = Long.parseLong(m.group(1));
			if (pending == 0) {
				break;
			}
			Thread.sleep(200);
		}
		figure("search index caught up after the creates" + ((pending == 0) ? "" : " (gave up, " + pending + " pending)"),
				(System.nanoTime() - t0) / 1e9, "s", null, null, null);
	}

	// ---- 2. lists

	record Filter(String name, String query, String where, String order, String keyset) {
	}

	void lists() throws Exception {
		long group;
		long assignee;
		try (Connection c = DriverManager.getConnection(this.jdbc, "postgres", ""); Statement s = c.createStatement()) {
			ResultSet rs = s.executeQuery("select id from pf_group where code = 'DESKTOP'");
			rs.next();
			group = rs.getLong(1);
			rs = s.executeQuery("select assignee_id from wi_item where type_code = 'incident' and assignee_id is not null"
					+ " group by assignee_id order by count(*) desc fetch first 1 rows only");
			rs.next();
			assignee = rs.getLong(1);
		}
		List<Filter> filters = List.of(new Filter("all incidents, newest", "", "", " order by i.id desc", "i.id < ?"),
				new Filter("open incidents by priority", "&open=true&sort=PRIORITY",
						" and i.state_category in ('NEW', 'ACTIVE', 'WAITING')", " order by i.priority, i.id desc",
						"(i.priority > ? or (i.priority = ? and i.id < ?))"),
				new Filter("a group's open queue", "&open=true&groupId=" + group,
						" and i.state_category in ('NEW', 'ACTIVE', 'WAITING') and i.group_id = " + group,
						" order by i.id desc", "i.id < ?"),
				new Filter("one engineer's incidents", "&assigneeId=" + assignee, " and i.assignee_id = " + assignee,
						" order by i.id desc", "i.id < ?"),
				new Filter("SLA breached", "&sla=BREACHED", " and i.sla_status = 'BREACHED'", " order by i.id desc",
						"i.id < ?"));
		HttpClient ui = session("benchhead");
		int reps = 60;
		for (Filter f : filters) {
			// the deep page: 100 pages in, found by following the cursors once
			String cursor = null;
			long lastId = 0;
			int lastPriority = 0;
			String after = null;
			for (int page = 0; page < 100; page++) {
				String body = get("/api/v1/work-items?type=incident&size=50" + f.query()
						+ ((cursor == null) ? "" : "&after=" + cursor)).body();
				Matcher next = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
				Matcher ids = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
				Matcher prios = Pattern.compile("\"priority\"\\s*:\\s*(\\d+)").matcher(body);
				while (ids.find()) {
					lastId = Long.parseLong(ids.group(1));
				}
				while (prios.find()) {
					lastPriority = Integer.parseInt(prios.group(1));
				}
				if (!next.find()) {
					break;
				}
				cursor = next.group(1);
				after = cursor;
			}
			for (boolean deep : new boolean[] { false, true }) {
				if (deep && after == null) {
					continue;
				}
				String path = "/api/v1/work-items?type=incident&size=50" + f.query() + (deep ? "&after=" + after : "");
				// the page's own filter: view=open for the open lists, view=all for the others
				String uiPath = "/work/incident?" + (f.query().contains("open=true") ? "view=open" : "view=all")
						+ f.query().replace("&open=true", "") + (deep ? "&after=" + after : "");
				long[] rest = new long[reps];
				long[] page = new long[reps];
				long[] sql = new long[reps];
				for (int w = 0; w < 5; w++) {
					get(path);
					ui.send(HttpRequest.newBuilder(URI.create(this.base + uiPath)).GET().build(),
							HttpResponse.BodyHandlers.ofString());
				}
				for (int i = 0; i < reps; i++) {
					long t = System.nanoTime();
					HttpResponse<String> r = get(path);
					rest[i] = System.nanoTime() - t;
					if (r.statusCode() != 200) {
						throw new IllegalStateException(path + ": " + r.statusCode());
					}
					t = System.nanoTime();
					HttpResponse<String> u = ui.send(HttpRequest.newBuilder(URI.create(this.base + uiPath)).GET().build(),
							HttpResponse.BodyHandlers.ofString());
					page[i] = System.nanoTime() - t;
					if (u.statusCode() != 200) {
						throw new IllegalStateException(uiPath + ": " + u.statusCode());
					}
				}
				try (Connection c = DriverManager.getConnection(this.jdbc, "postgres", "")) {
					String q = "select i.id, i.type_code, i.number, i.title, i.state, i.state_category, i.priority,"
							+ " i.assignee_id, i.group_id, i.requester_id, i.due_at, i.opened_at, i.updated_at,"
							+ " i.workflow_id, i.resolved_at, i.sla_status, i.sla_due_at from wi_item i"
							+ " where i.type_code = 'incident'" + f.where() + (deep ? " and " + f.keyset() : "")
							+ f.order() + " fetch first 51 rows only";
					try (PreparedStatement ps = c.prepareStatement(q)) {
						for (int i = -5; i < reps; i++) {
							if (deep) {
								int k = 1;
								if (f.keyset().contains("priority")) {
									ps.setInt(k++, lastPriority);
									ps.setInt(k++, lastPriority);
								}
								ps.setLong(k, lastId);
							}
							long t = System.nanoTime();
							try (ResultSet rs = ps.executeQuery()) {
								while (rs.next()) {
									rs.getString(4);
								}
							}
							if (i >= 0) {
								sql[i] = System.nanoTime() - t;
							}
						}
					}
				}
				String label = "list " + f.name() + (deep ? " (page 100)" : " (first page)");
				figure(label + ": REST p50", percentile(rest, 50), "ms", percentile(sql, 50), "SQL", null);
				figure(label + ": REST p95", percentile(rest, 95), "ms", percentile(sql, 95), "SQL",
						"< 50 ms, ≤ 2 × SQL");
				figure(label + ": REST p99", percentile(rest, 99), "ms", percentile(sql, 99), "SQL", null);
				figure(label + ": UI p95", percentile(page, 95), "ms", percentile(sql, 95), "SQL", "< 100 ms");
			}
		}
	}

	// ---- 3. search

	void search() throws Exception {
		List<String> terms = List.of("打印机", "VPN", "邮箱", "蓝屏", "财务系统", "密码", "printer", "password", "交换机", "会议");
		for (String term : terms) {
			String path = "/api/v1/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8);
			long[] t = new long[40];
			for (int w = 0; w < 3; w++) {
				get(path);
			}
			for (int i = 0; i < t.length; i++) {
				long s = System.nanoTime();
				HttpResponse<String> r = get(path);
				t[i] = System.nanoTime() - s;
				if (r.statusCode() != 200) {
					throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
				}
			}
			figure("search \"" + term + "\": p95", percentile(t, 95), "ms", null, null, "< 100 ms");
		}
	}

	// ---- 4. indicators

	void indicators() throws Exception {
		String month = YearMonth.now(ZONE).minusMonths(1).toString();
		String year = String.valueOf(LocalDate.now(ZONE).getYear() - 1);
		for (String period : List.of(month, year)) {
			long t = System.nanoTime();
			HttpResponse<String> r = post("/api/v1/governance/indicators/compute?period=" + period, "");
			double seconds = (System.nanoTime() - t) / 1e9;
			if (r.statusCode() != 200) {
				System.out.println("compute " + period + " failed: " + r.statusCode() + " "
						+ r.body().substring(0, Math.min(400, r.body().length())));
				figure("compute every indicator for " + period + " (FAILED " + r.statusCode() + ")", seconds, "s", null,
						null, period.length() == 7 ? "< 5 s" : null);
			}
			else {
				figure("compute every indicator for " + period, seconds, "s", null, null,
						period.length() == 7 ? "< 5 s" : null);
			}
		}
	}

}

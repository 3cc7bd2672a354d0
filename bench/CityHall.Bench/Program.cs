using System.CommandLine;
using CityHall.Bench;

var root = new RootCommand("CityHall load benchmarks: each starts the app on a fresh database and prints its figures.");
var provider = new Option<string>("--provider") { Description = "Sqlite or Postgres.", DefaultValueFactory = _ => "Sqlite" };
var connection = new Option<string?>("--connection") { Description = "PostgreSQL connection string (an empty database)." };
var seconds = new Option<int>("--seconds") { Description = "Length of each measured phase.", DefaultValueFactory = _ => 20 };
var workers = new Option<int>("--workers") { Description = "Concurrent requests in flight.", DefaultValueFactory = _ => 64 };

var demo = new Option<bool>("--demo") { Description = "Run on the demo city (Seed:Demo) instead of the bench's own few rows for each block." };
var portal = new Command("portal", "Anonymous reads: home page, a content page, the districts API.");
foreach (var o in new Option[] { provider, connection, seconds, workers, demo }) portal.Options.Add(o);
portal.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(workers));
    await PortalBenchmark.RunAsync(options, parse.GetValue(demo), ct);
    return 0;
});
root.Subcommands.Add(portal);

var citizens = new Option<int>("--citizens") { Description = "Verified citizens signing, one connection each.", DefaultValueFactory = _ => 200 };
var proposals = new Option<int>("--proposals") { Description = "Proposals open for support (each citizen signs each once).", DefaultValueFactory = _ => 1000 };
var readers = new Option<int>("--readers") { Description = "Concurrent readers of one proposal page.", DefaultValueFactory = _ => 64 };
var rate = new Option<int>("--rate") { Description = "Then an open-loop phase at this many supports a second (0: none).", DefaultValueFactory = _ => 0 };
var petitions = new Command("petitions", "Supports over HTTP (group commit) with the receipt page, while a proposal page is read; then counts, COUNT(*) and chains are checked.");
foreach (var o in new Option[] { provider, connection, seconds, citizens, proposals, readers, rate }) petitions.Options.Add(o);
petitions.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(citizens));
    await PetitionsBenchmark.RunAsync(options, parse.GetValue(citizens), parse.GetValue(proposals), parse.GetValue(readers), parse.GetValue(rate), ct);
    return 0;
});
root.Subcommands.Add(petitions);

var stored = new Option<int>("--stored") { Description = "Requests in the database before measuring.", DefaultValueFactory = _ => 100_000 };
var listReaders = new Option<int>("--readers") { Description = "Concurrent clients reading the 1,000-request list.", DefaultValueFactory = _ => 4 };
var serviceRequests = new Command("service-requests", "Open311: the default 1,000-request list read with 100,000 stored, then POSTs with an API key.");
var postRate = new Option<int>("--rate") { Description = "Then an open-loop phase at this many posts a second (0: none).", DefaultValueFactory = _ => 0 };
foreach (var o in new Option[] { provider, connection, seconds, workers, stored, listReaders, postRate }) serviceRequests.Options.Add(o);
serviceRequests.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(workers));
    await ServiceRequestsBenchmark.RunAsync(options, parse.GetValue(stored), parse.GetValue(listReaders), parse.GetValue(postRate), ct);
    return 0;
});
root.Subcommands.Add(serviceRequests);

var placeCount = new Option<int>("--places") { Description = "Places of the measured kind in the database.", DefaultValueFactory = _ => 100_000 };
var places = new Command("places", "Near me: the nearest 10 of a kind through the API (server-side time from Server-Timing), then the near-me page, with 100,000 places.");
foreach (var o in new Option[] { provider, connection, seconds, workers, placeCount }) places.Options.Add(o);
places.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(workers));
    await PlacesBenchmark.RunAsync(options, parse.GetValue(placeCount), ct);
    return 0;
});
root.Subcommands.Add(places);

var searchItems = new Option<int>("--items") { Description = "Things indexed (70% places, 30% proposals).", DefaultValueFactory = _ => 100_000 };
var search = new Command("search", "Search across the city with 100,000 things indexed: the index built by reindex-search, then searches through the API and the page (server-side time from Server-Timing).");
foreach (var o in new Option[] { provider, connection, seconds, workers, searchItems }) search.Options.Add(o);
search.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(workers));
    await SearchBenchmark.RunAsync(options, parse.GetValue(searchItems), ct);
    return 0;
});
root.Subcommands.Add(search);

var entrantCount = new Option<int>("--entrants") { Description = "Entrants in the draw.", DefaultValueFactory = _ => 100_000 };
var runs = new Option<int>("--runs") { Description = "Draws with the same seed.", DefaultValueFactory = _ => 5 };
var inclusion = new Command("inclusion", "The seeded lottery over 100,000 entrants: time per draw and whether every draw gives the same order.");
foreach (var o in new Option[] { entrantCount, runs }) inclusion.Options.Add(o);
inclusion.SetAction(parse =>
{
    InclusionBenchmark.Run(parse.GetValue(entrantCount), parse.GetValue(runs));
    return 0;
});
root.Subcommands.Add(inclusion);

var voters = new Option<int>("--citizens") { Description = "Verified citizens voting, a browser's two connections each.", DefaultValueFactory = _ => 1000 };
var pollReaders = new Option<int>("--readers") { Description = "Concurrent readers of the poll page.", DefaultValueFactory = _ => 64 };
var noReceipt = new Option<bool>("--no-receipt") { Description = "Do not load the receipt page after each ballot (the POST alone)." };
var decisions = new Command("decisions", "Ballots over HTTP (group commit onto the poll's chain) with the receipt page, while the poll page is read; then the chain is recounted.");
foreach (var o in new Option[] { provider, connection, seconds, voters, pollReaders, noReceipt }) decisions.Options.Add(o);
decisions.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.FromSeconds(parse.GetValue(seconds)), parse.GetValue(voters));
    await DecisionsBenchmark.RunAsync(options, parse.GetValue(voters), parse.GetValue(pollReaders), !parse.GetValue(noReceipt), ct);
    return 0;
});
root.Subcommands.Add(decisions);

var ballotCount = new Option<int>("--ballots") { Description = "Ballots counted.", DefaultValueFactory = _ => 1_000_000 };
var projectCount = new Option<int>("--projects") { Description = "Projects on the budget heading.", DefaultValueFactory = _ => 30 };
var countRuns = new Option<int>("--runs") { Description = "Counts of the same ballots.", DefaultValueFactory = _ => 3 };
var decisionsCount = new Command("decisions-count", "Counting a million ballots: a knapsack heading by votes and by equal shares, a ranked poll by Borda and instant runoff.");
foreach (var o in new Option[] { ballotCount, projectCount, countRuns }) decisionsCount.Options.Add(o);
decisionsCount.SetAction(parse =>
{
    DecisionsCountBenchmark.Run(parse.GetValue(ballotCount), parse.GetValue(projectCount), parse.GetValue(countRuns));
    return 0;
});
root.Subcommands.Add(decisionsCount);

var decisionsResults = new Command("decisions-results", "A budget heading's result for a million stored ballots, as the app reads and counts it (both rules), and its results page.");
foreach (var o in new Option[] { provider, connection, ballotCount, projectCount, countRuns }) decisionsResults.Options.Add(o);
decisionsResults.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.Zero, 0);
    await DecisionsResultsBenchmark.RunAsync(options, parse.GetValue(ballotCount), parse.GetValue(projectCount), parse.GetValue(countRuns), ct);
    return 0;
});
root.Subcommands.Add(decisionsResults);

var viewerCount = new Option<int>("--viewers") { Description = "Viewers on one node.", DefaultValueFactory = _ => 19_200 };
var twoNodeViewers = new Option<int>("--two-node-viewers") { Description = "Viewers across two nodes.", DefaultValueFactory = _ => 38_400 };
var generatorCount = new Option<int>("--generators") { Description = "Load-generator processes (each from its own 127.0.0.x).", DefaultValueFactory = _ => 8 };
var questionSeconds = new Option<int>("--question-seconds") { Description = "Length of the questions phase.", DefaultValueFactory = _ => 10 };
var beyondCap = new Option<int>("--beyond") { Description = "Viewers tried beyond the one node's cap (0: skip).", DefaultValueFactory = _ => 600 };
var approvalCount = new Option<int>("--approvals") { Description = "Questions approved (each measured).", DefaultValueFactory = _ => 4 };
var oneNodeOnly = new Option<bool>("--one-node-only") { Description = "Skip the two-node phase." };
var twoNodesOnly = new Option<bool>("--two-nodes-only") { Description = "Skip the one-node phase." };
var bareHub = new Option<bool>("--bare-hub") { Description = "Only the memory per viewer, of a bare SignalR hub (bench/BareHub) instead of the app, measured the same way." };
var liveEvents = new Command("live-events", "Viewers over WebSockets on one node and on two with Redis: delivery of approved questions, snapshots, memory, questions per second, the connection cap.");
foreach (var o in new Option[] { provider, connection, viewerCount, twoNodeViewers, generatorCount, questionSeconds, beyondCap, approvalCount, oneNodeOnly, twoNodesOnly, bareHub }) liveEvents.Options.Add(o);
liveEvents.SetAction(async (parse, ct) =>
{
    if (parse.GetValue(bareHub))
    {
        await LiveEventsBenchmark.BareHubMemoryAsync(parse.GetValue(viewerCount), parse.GetValue(generatorCount), ct);
        return 0;
    }
    await LiveEventsBenchmark.RunAsync(parse.GetValue(provider)!, parse.GetValue(connection), parse.GetValue(viewerCount), parse.GetValue(twoNodeViewers),
        parse.GetValue(generatorCount), parse.GetValue(questionSeconds), parse.GetValue(beyondCap), parse.GetValue(approvalCount), parse.GetValue(oneNodeOnly), parse.GetValue(twoNodesOnly), ct);
    return 0;
});
root.Subcommands.Add(liveEvents);

var taxiDrivers = new Option<int>("--drivers") { Description = "Cars on duty, each reporting every 5 s.", DefaultValueFactory = _ => 70_000 };
var taxiPositions = new Option<int>("--positions") { Description = "Position reports a second (open loop).", DefaultValueFactory = _ => 14_000 };
var taxiCalls = new Option<int>("--calls") { Description = "Calls a second in the second phase (open loop), one rider each.", DefaultValueFactory = _ => 50 };
var taxiSeconds = new Option<int>("--seconds") { Description = "Length of each measured phase.", DefaultValueFactory = _ => 60 };
var taxiPhones = new Option<int>("--hub-phones") { Description = "Cars' phones on the hub for its phases (each an open file in the app and here: under both processes' open-file limit).", DefaultValueFactory = _ => 15_000 };
var taxi = new Command("taxi", "Taxi call: 70,000 cars reporting positions over HTTP, then with 50 calls a second (call to first offer, no car offered two calls); the same over the hub; then batch matching against greedy for two batch windows.");
foreach (var o in new Option[] { provider, connection, taxiSeconds, workers, taxiDrivers, taxiPositions, taxiCalls, taxiPhones }) taxi.Options.Add(o);
taxi.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.FromSeconds(parse.GetValue(taxiSeconds)), parse.GetValue(workers));
    await TaxiBenchmark.RunAsync(options, parse.GetValue(taxiDrivers), parse.GetValue(taxiPositions), parse.GetValue(taxiCalls), parse.GetValue(taxiPhones), ct);
    return 0;
});
root.Subcommands.Add(taxi);

var cctvCameras = new Option<int>("--cameras") { Description = "Cameras in the registry, all reporting.", DefaultValueFactory = _ => 50_000 };
var cctvPerRecorder = new Option<int>("--per-recorder") { Description = "Cameras each recorder reports for in one batch.", DefaultValueFactory = _ => 100 };
var cctvInterval = new Option<int>("--interval") { Description = "Seconds between a recorder's batches.", DefaultValueFactory = _ => 30 };
var cctvSilenced = new Option<int>("--silenced") { Description = "Recorders that fall silent partway (their cameras must be found offline).", DefaultValueFactory = _ => 5 };
var cctvSeconds = new Option<int>("--seconds") { Description = "Length of the load.", DefaultValueFactory = _ => 150 };
var cctv = new Command("cctv", "CCTV status: 50,000 cameras on 500 recorders sending signed batches every 30 s (about 1,700 cameras a second); some recorders fall silent and every one of their cameras must be found offline within two intervals, no other.");
foreach (var o in new Option[] { provider, connection, workers, cctvCameras, cctvPerRecorder, cctvInterval, cctvSilenced, cctvSeconds }) cctv.Options.Add(o);
cctv.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.FromSeconds(parse.GetValue(cctvSeconds)), parse.GetValue(workers));
    await CctvBenchmark.RunAsync(options, parse.GetValue(cctvCameras), parse.GetValue(cctvPerRecorder), parse.GetValue(cctvInterval), parse.GetValue(cctvSilenced), ct);
    return 0;
});
root.Subcommands.Add(cctv);

var transparencyRequests = new Option<int>("--requests") { Description = "Closed complaints over the last 12 months.", DefaultValueFactory = _ => 1_000_000 };
var transparencySeconds = new Option<int>("--seconds") { Description = "Length of the load on the kept dashboard.", DefaultValueFactory = _ => 20 };
var transparency = new Command("transparency", "The transparency dashboard over a year of a big city's complaints (1,000,000 closed requests): every figure counted, then kept.");
foreach (var o in new Option[] { provider, connection, workers, transparencyRequests, transparencySeconds }) transparency.Options.Add(o);
transparency.SetAction(async (parse, ct) =>
{
    var options = new BenchOptions(parse.GetValue(provider)!, parse.GetValue(connection), TimeSpan.FromSeconds(parse.GetValue(transparencySeconds)), parse.GetValue(workers));
    await TransparencyBenchmark.RunAsync(options, parse.GetValue(transparencyRequests), ct);
    return 0;
});
root.Subcommands.Add(transparency);

// A generator process of live-events (started by it, not by hand).
var hubUrl = new Option<string>("--hub") { Required = true };
var eventOption = new Option<long>("--event") { Required = true };
var countOption = new Option<int>("--count") { Required = true };
var sourceOption = new Option<string>("--source") { DefaultValueFactory = _ => "127.0.0.1" };
var deviceOption = new Option<string>("--device") { DefaultValueFactory = _ => "pc" };
var parallelOption = new Option<int>("--parallel") { DefaultValueFactory = _ => 128 };
var viewersCommand = new Command("live-viewers", "One generator of live-events viewers (internal).") { Hidden = true };
foreach (var o in new Option[] { hubUrl, eventOption, countOption, sourceOption, deviceOption, parallelOption }) viewersCommand.Options.Add(o);
viewersCommand.SetAction((parse, ct) => LiveViewers.RunAsync(new Uri(parse.GetValue(hubUrl)!), parse.GetValue(eventOption), parse.GetValue(countOption),
    parse.GetValue(sourceOption)!, parse.GetValue(deviceOption)!, parse.GetValue(parallelOption), ct));
root.Subcommands.Add(viewersCommand);

var clusterScript = new Option<string>("--cluster") { Description = "The cluster's control script.", DefaultValueFactory = _ => "deploy/local-cluster.sh" };
var drillCitizens = new Option<int>("--citizens") { Description = "Verified citizens supporting proposals throughout.", DefaultValueFactory = _ => 200 };
var drillViewers = new Option<int>("--viewers") { Description = "Live-event viewers watching throughout.", DefaultValueFactory = _ => 10_000 };
var redisAway = new Option<int>("--redis-away") { Description = "Seconds Redis stays away.", DefaultValueFactory = _ => 60 };
var drillAskers = new Option<int?>("--askers") { Description = "Verified citizens asking the live event questions throughout (default: a fifth of --citizens, at least 10)." };
var diskFull = new Option<int>("--disk-full") { Description = "Seconds the primary's disk stays full; 0 leaves that drill out (it mounts a tmpfs: root only).", DefaultValueFactory = _ => 20 };
var shortDrills = new Option<bool>("--short") { Description = "Shorter steady phases (CI)." };
var upgradeTo = new Option<string?>("--upgrade-to") { Description = "A newer build's folder: the last drill is then a rolling upgrade to it (its migrations first) rather than a restart." };
var drills = new Command("drills", "Failure drills on a running deploy/local-cluster.sh cluster: kill a node, restart PostgreSQL, Redis away, the primary's disk full, a rolling restart; prints lost: N for each (must be 0).");
foreach (var o in new Option[] { clusterScript, drillCitizens, drillAskers, drillViewers, redisAway, diskFull, shortDrills, upgradeTo }) drills.Options.Add(o);
drills.SetAction((parse, ct) => ClusterDrills.RunAsync(new ClusterDrills.Settings(parse.GetValue(clusterScript)!, parse.GetValue(drillCitizens),
    parse.GetValue(drillAskers) ?? Math.Max(10, parse.GetValue(drillCitizens) / 5), parse.GetValue(drillViewers), TimeSpan.FromSeconds(parse.GetValue(redisAway)),
    TimeSpan.FromSeconds(parse.GetValue(diskFull)), parse.GetValue(shortDrills), parse.GetValue(upgradeTo)), ct));
root.Subcommands.Add(drills);

var clusterPhase = new Option<int>("--seconds") { Description = "Length of each measured phase.", DefaultValueFactory = _ => 15 };
var clusterWorkers = new Option<int>("--workers") { Description = "Concurrent requests in flight.", DefaultValueFactory = _ => 64 };
var clusterCitizens = new Option<int>("--citizens") { Description = "Verified citizens supporting proposals during the proposal-page phase.", DefaultValueFactory = _ => 300 };
var throughput = new Command("cluster", "Throughput through a running deploy/local-cluster.sh cluster with 1, 2 and 3 nodes: the home page, a proposal page while supports are written, Open311 posts; req/s, p95 and each part's share of the CPU.");
foreach (var o in new Option[] { clusterScript, clusterPhase, clusterWorkers, clusterCitizens }) throughput.Options.Add(o);
throughput.SetAction((parse, ct) => ClusterThroughput.RunAsync(parse.GetValue(clusterScript)!, TimeSpan.FromSeconds(parse.GetValue(clusterPhase)),
    parse.GetValue(clusterWorkers), parse.GetValue(clusterCitizens), ct));
root.Subcommands.Add(throughput);

return await root.Parse(args).InvokeAsync();

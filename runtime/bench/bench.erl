#!/usr/bin/env escript
%%! +P 4000000
%% Erlang/OTP's side of runtime/bench/run: the same workloads as retort_bench.cpp,
%% printing the same "name value unit" lines. Run with escript.
-module(bench).
-export([main/1, player/2, node/0, idle/0, sender/0, receiver/2, init/1, handle_call/3, handle_cast/2]).
-behaviour(gen_server).
-mode(compile).

env(Name, Default) ->
    case os:getenv(Name) of
        false -> Default;
        Value -> list_to_integer(Value)
    end.

seconds_since(Start) -> (erlang:monotonic_time(microsecond) - Start) / 1.0e6.
now_us() -> erlang:monotonic_time(microsecond).

%% ping-pong
player(Partner, ReportTo) ->
    receive
        {partner, P, R} -> player(P, R);
        {ball, 0} -> ReportTo ! done, player(Partner, ReportTo);
        {ball, N} -> Partner ! {ball, N - 1}, player(Partner, ReportTo);
        stop -> ok
    end.

ping_pong(Pairs, Rounds) ->
    Self = self(),
    Firsts = [begin
                  A = spawn(?MODULE, player, [none, none]),
                  B = spawn(?MODULE, player, [none, none]),
                  A ! {partner, B, Self},
                  B ! {partner, A, Self},
                  A
              end || _ <- lists:seq(1, Pairs)],
    Start = now_us(),
    [A ! {ball, Rounds} || A <- Firsts],
    [receive done -> ok end || _ <- Firsts],
    Pairs * Rounds / seconds_since(Start).

%% binary-tree spawn
node() ->
    receive
        {build, 0, Parent} -> Parent ! done;
        {build, Depth, Parent} ->
            [spawn(?MODULE, node, []) ! {build, Depth - 1, self()} || _ <- [1, 2]],
            receive done -> ok end,
            receive done -> ok end,
            Parent ! done
    end.

tree_spawn(Depth) ->
    Start = now_us(),
    spawn(?MODULE, node, []) ! {build, Depth, self()},
    receive done -> ok end,
    ((1 bsl (Depth + 1)) - 1) / seconds_since(Start).

%% idle processes
idle() -> receive stop -> ok end.

idle_memory(Count) ->
    erlang:garbage_collect(),
    Before = erlang:memory(total),
    Pids = [spawn(?MODULE, idle, []) || _ <- lists:seq(1, Count)],
    After = erlang:memory(total),
    [P ! stop || P <- Pids],
    (After - Before) / Count.

%% call round trip through gen_server:call
init([]) -> {ok, nostate}.
handle_call(get, _From, State) -> {reply, 1, State}.
handle_cast(_, State) -> {noreply, State}.

%% each round trip's time in microseconds, taken by the calling process
call_times(Server, Calls) ->
    [begin
         Start = erlang:monotonic_time(nanosecond),
         1 = gen_server:call(Server, get),
         (erlang:monotonic_time(nanosecond) - Start) / 1000
     end || _ <- lists:seq(1, Calls)].

%% from a process spawned for it to a gen_server: the mean and p99
process_call_latency(Calls) ->
    {ok, Server} = gen_server:start(?MODULE, [], []),
    Self = self(),
    spawn(fun() -> Self ! {times, call_times(Server, Calls)} end),
    Times = receive {times, T} -> T end,
    Sorted = lists:sort(Times),
    {lists:sum(Times) / Calls, lists:nth(Calls * 99 div 100, Sorted)}.

%% Erlang has no thread outside its processes: the escript's own process calls, and
%% its median and p99 stand beside the other runtimes' blocking calls from a thread
call_latency(Calls) ->
    {ok, Server} = gen_server:start(?MODULE, [], []),
    Sorted = lists:sort(call_times(Server, Calls)),
    {lists:nth(Calls div 2, Sorted), lists:nth(Calls * 99 div 100, Sorted)}.

%% fan-in
sender() -> receive {go, Receiver, Count} -> send_items(Receiver, Count) end.
send_items(_, 0) -> ok;
send_items(Receiver, N) -> Receiver ! item, send_items(Receiver, N - 1).
receiver(0, ReportTo) -> ReportTo ! done;
receiver(Remaining, ReportTo) -> receive item -> receiver(Remaining - 1, ReportTo) end.

fan_in(Senders, PerSender) ->
    Sink = spawn(?MODULE, receiver, [Senders * PerSender, self()]),
    Pids = [spawn(?MODULE, sender, []) || _ <- lists:seq(1, Senders)],
    Start = now_us(),
    [P ! {go, Sink, PerSender} || P <- Pids],
    receive done -> ok end,
    Senders * PerSender / seconds_since(Start).

main(_) ->
    Rounds = env("ROUNDS", 2000000),
    io:format("idle_memory ~w bytes/actor~n", [round(idle_memory(env("IDLE", 1000000)))]),
    io:format("ping_pong_1 ~w msg/s~n", [round(ping_pong(1, Rounds))]),
    io:format("ping_pong_8 ~w msg/s~n", [round(ping_pong(8, Rounds div 4))]),
    io:format("tree_spawn ~w actors/s~n", [round(tree_spawn(env("TREE_DEPTH", 20)))]),
    Calls = env("CALLS", 200000),
    {Mean, ActorP99} = process_call_latency(Calls),
    io:format("actor_call_mean ~.2f us~nactor_call_p99 ~.2f us~n", [Mean * 1.0, ActorP99 * 1.0]),
    {Median, P99} = call_latency(Calls div 2),
    io:format("thread_call_median ~.2f us~nthread_call_p99 ~.2f us~n", [Median * 1.0, P99 * 1.0]),
    io:format("fan_in ~w msg/s~n", [round(fan_in(20, env("FAN_IN", 1000000)))]).

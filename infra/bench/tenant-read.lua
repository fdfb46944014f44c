-- wrk script: each request reads one contact of a random shop as that shop's owner (session
-- cookie) or one of its integration clients (bearer token). The (path, header, value) triples come
-- from the file named by the BENCH_PAIRS variable, written by TenantReadSetup.java.
local pairs_file = os.getenv("BENCH_PAIRS")

function setup(thread)
    thread:set("seed", math.random(1, 2^30))
end

function init(args)
    dofile(pairs_file)
    math.randomseed(seed + os.time())
    count = #pairs_
end

function request()
    local p = pairs_[math.random(1, count)]
    return wrk.format("GET", p[1], { [p[2]] = p[3], ["Accept"] = "application/json" })
end

-- Makes every request of a wrk run one that the response cache has not seen: the offset
-- (pagination[start], 10 entries per page) steps through MISS_STARTS values, default 9,990, more
-- than the cache holds (4,096 responses), so each request reads the database. Keep MISS_STARTS at
-- or below the number of matching entries, so that no page is past the end.
-- Usage: MISS_STARTS=N wrk -s bench/misses.lua URL_WITH_QUERY
local counter = 0
local thread_index = 0
local threads = 0
local starts = tonumber(os.getenv("MISS_STARTS")) or 9990

function setup(thread)
    thread:set("index", threads)
    threads = threads + 1
end

function init(args)
    -- setup() stored "index" as a global of this thread's script.
    thread_index = tonumber(index) or 0
end

function request()
    counter = counter + 1
    local start = (counter * 2 + thread_index) % starts
    return wrk.format(nil, wrk.path .. "&pagination%5Bstart%5D=" .. start .. "&pagination%5Blimit%5D=10")
end

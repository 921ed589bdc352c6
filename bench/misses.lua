-- Makes every request of a wrk run one that the response cache has not seen: the offset
-- (pagination[start]) steps through MISS_STARTS values, default 991 (the first hundred pages of
-- ten), and the page size through 10 to 14. That is 4,955 different requests, more than the
-- cache keeps (4,096 responses), so each request reads the database. Keep MISS_STARTS + 14 at or
-- below the number of matching entries, so that no page is past the end.
-- Usage: MISS_STARTS=N wrk -s bench/misses.lua URL_WITH_QUERY
local counter = 0
local thread_index = 0
local threads = 0
local starts = tonumber(os.getenv("MISS_STARTS")) or 991

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
    local step = counter * 2 + thread_index
    local start = step % starts
    local limit = 10 + math.floor(step / starts) % 5
    return wrk.format(nil, wrk.path .. "&pagination%5Bstart%5D=" .. start .. "&pagination%5Blimit%5D=" .. limit)
end

# Sourced by the benchmarks that time the disk: settle HOST PORT waits until what loading or dropping a MariaDB
# database (and anything else) left to write is written (the kernel's dirty pages and InnoDB's dirty pages, at most
# 60 s), so that it is not written during the timed runs, which force writes and wait for them.
settle() {
  local host=${1:-127.0.0.1} port=${2:-3306} dirty i
  sync
  for i in $(seq 60); do
    dirty=$(mariadb -h "$host" -P "$port" -uroot -N -e "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" \
      2>/dev/null | awk '{print $2}')
    [ "${dirty:-0}" -lt 100 ] && break
    sleep 1
  done
  sync
}

INSERT INTO payments.orders_report (order_date, orders, revenue)
SELECT order_date, COUNT(*), SUM(amount)
FROM payments.orders_daily
GROUP BY order_date;

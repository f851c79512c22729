-- Rendered by Airflow with Jinja: {{ ds }} is the run's logical date.
INSERT INTO payments.orders_daily (order_date, order_id, amount)
SELECT DATE '{{ ds }}', order_id, SUM(amount)
FROM payments.orders
WHERE order_date = DATE '{{ ds }}'
GROUP BY order_id;
